import type { RequestHandler } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { accessLogEntryOf } from '../server/useAccessLog';

/** Operation names are the client's: past this many distinct ones, the rest are counted as `other`. */
const MAX_OPERATION_LABELS = 200;

/** Latency buckets in seconds: from a cached answer (1 ms) to a page at the timeout (10 s). */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * One service's Prometheus metrics: Node's own (CPU, memory, event loop, GC) and the requests to
 * its `/graphql` by operation, outcome and status, with their latency. Each service adds what is
 * its own (the gateway its subgraph calls and cache, a subgraph its database) to `registry`.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly requests: Counter<'operation' | 'outcome' | 'status'>;
  private readonly duration: Histogram<'operation' | 'outcome'>;

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'nsc_requests_total',
      help: 'Requests to /graphql by operation name, outcome (ok, partial, failed) and HTTP status.',
      labelNames: ['operation', 'outcome', 'status'],
      registers: [this.registry],
    });
    this.duration = new Histogram({
      name: 'nsc_request_duration_seconds',
      help: 'Time from a request to /graphql arriving to its answer being sent, by operation name and outcome.',
      labelNames: ['operation', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers: [this.registry],
    });
  }

  /**
   * Counts every request to `/graphql` once its answer is sent, with what the access log learnt
   * about it; mounted beside `accessLog`, after it.
   */
  countRequests(): RequestHandler {
    return (_req, res, next) => {
      const started = performance.now();
      res.once('close', () => {
        const entry = accessLogEntryOf(res);
        const errorCodes = entry.errorCodes ?? [];
        const outcome = entry.outcome ?? (res.statusCode < 400 && errorCodes.length === 0 ? 'ok' : 'failed');
        const operation = this.operationLabel(entry.operationName);
        this.requests.inc({ operation, outcome, status: String(res.statusCode) });
        this.duration.observe({ operation, outcome }, (performance.now() - started) / 1000);
      });
      next();
    };
  }

  /** The exposition text of every metric. */
  async text(): Promise<string> {
    return this.registry.metrics();
  }

  private operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return 'other';
    this.operations.add(name);
    return name;
  }
}
