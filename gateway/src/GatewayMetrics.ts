import { Counter, Gauge, Histogram } from 'prom-client';
import { LATENCY_BUCKETS, ServiceMetrics } from '@nsc-hub/shared';
import type { BreakerState, CircuitBreaker } from './CircuitBreaker';
import type { ResponseCacheCounts } from './responseCache/ResponseCache';

/** Why a subgraph call gave no answer. */
export type FetchFailure = 'breaker_open' | 'timeout' | 'unreachable' | 'http_error';

const BREAKER_STATES: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

/**
 * The gateway's metrics: besides every service's, its calls to each subgraph (latency, failures
 * by reason), each subgraph's circuit breaker, and the response cache's hits, misses and evictions.
 */
export class GatewayMetrics extends ServiceMetrics {
  private readonly fetches: Histogram<'subgraph' | 'outcome'>;
  private readonly failures: Counter<'subgraph' | 'reason'>;

  constructor(breakers: ReadonlyMap<string, CircuitBreaker>, cacheCounts: () => ResponseCacheCounts | undefined) {
    super('gateway');
    this.fetches = new Histogram({
      name: 'nsc_subgraph_fetch_duration_seconds',
      help: "The gateway's calls to a subgraph: time to its answer (outcome ok, or error when it answered with errors) or to giving up (failed).",
      labelNames: ['subgraph', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers: [this.registry],
    });
    this.failures = new Counter({
      name: 'nsc_subgraph_fetch_failures_total',
      help: 'Calls to a subgraph that got no answer, by reason: breaker_open (not sent), timeout, unreachable, http_error (a 5xx or a body that is no GraphQL answer).',
      labelNames: ['subgraph', 'reason'],
      registers: [this.registry],
    });
    new Gauge({
      name: 'nsc_subgraph_circuit_state',
      help: "Each subgraph's circuit breaker: 0 closed, 1 half-open (one probe let through), 2 open (failing fast).",
      labelNames: ['subgraph'],
      registers: [this.registry],
      collect() {
        for (const [subgraph, breaker] of breakers) this.set({ subgraph }, BREAKER_STATES[breaker.state]);
      },
    });
    const counted: Partial<ResponseCacheCounts> = {};
    new Counter({
      name: 'nsc_response_cache_events_total',
      help: 'The response cache: answers found (hit), looked up and not found (miss), kept (stored), evicted by writes, and cache operations that failed.',
      labelNames: ['event'],
      registers: [this.registry],
      collect() {
        const counts = cacheCounts();
        if (!counts) return;
        for (const [event, name] of [['hit', 'hits'], ['miss', 'misses'], ['stored', 'stored'], ['evicted', 'evicted'], ['failure', 'failures']] as const) {
          const delta = counts[name] - (counted[name] ?? 0);
          // Always set, so every event shows from the first scrape, zero or not.
          this.inc({ event }, Math.max(0, delta));
          counted[name] = counts[name];
        }
      },
    });
  }

  /** A call to `subgraph` ended after `seconds`: answered (with or without errors), or failed for `failure`. */
  subgraphFetch(subgraph: string, seconds: number, result: { answered: true; errors: boolean } | { answered: false; failure: FetchFailure }): void {
    this.fetches.observe({ subgraph, outcome: result.answered ? (result.errors ? 'error' : 'ok') : 'failed' }, seconds);
    if (!result.answered) this.failures.inc({ subgraph, reason: result.failure });
  }
}
