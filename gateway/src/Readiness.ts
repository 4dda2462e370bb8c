import { sha256 } from './watchFileContent';
import { Agent, request } from 'undici';
import type { BreakerState } from './CircuitBreaker';

/** How long one round of subgraph probes answers every `/readyz`, so a load of probes asks each subgraph once. */
const PROBE_CACHE_MS = 1000;

export interface ReadinessOptions {
  /** Each subgraph's GraphQL URL, by name; its `/readyz` is beside it. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  /** Each subgraph's breaker state, reported when the gateway is not ready. */
  readonly breakerState: (subgraph: string) => BreakerState;
  readonly probeTimeoutMs: number;
  readonly now?: () => number;
}

export interface ReadinessReport {
  readonly ready: boolean;
  /** The JSON body of `/readyz`. */
  readonly body: Record<string, unknown>;
}

type ProbeResult = { ready: true } | { ready: false; reason: string };

/**
 * Whether the gateway can serve: its supergraph is loaded, every subgraph's own `/readyz` answers
 * 200, and it is not stopping. Liveness (`/healthz`) is not asked here: it never depends on anything.
 */
export class Readiness {
  private readonly now: () => number;
  private readonly agent: Agent;
  private supergraphHash: string | undefined;
  private stopping = false;
  private probes: { at: number; results: Promise<Record<string, ProbeResult>> } | undefined;

  constructor(private readonly options: ReadinessOptions) {
    this.now = options.now ?? Date.now;
    this.agent = new Agent({ connections: 2, connectTimeout: options.probeTimeoutMs });
  }

  supergraphLoaded(sdl: string): void {
    this.supergraphHash = sha256(sdl);
  }

  /** From the first moment of a stop on, so load balancers send no more requests while connections drain. */
  stop(): Promise<void> {
    this.stopping = true;
    return this.agent.close();
  }

  async check(): Promise<ReadinessReport> {
    if (this.stopping) return { ready: false, body: { status: 'stopping' } };
    const supergraph = this.supergraphHash ? { hash: this.supergraphHash } : 'not loaded';
    const results = await this.probeAll();
    if (this.stopping) return { ready: false, body: { status: 'stopping' } };
    const ready = this.supergraphHash !== undefined && Object.values(results).every((r) => r.ready);
    const subgraphs = Object.fromEntries(
      Object.entries(results).map(([name, result]) => [
        name,
        result.ready ? 'ready' : { status: 'not ready', reason: result.reason, breaker: this.options.breakerState(name) },
      ]),
    );
    return { ready, body: { status: ready ? 'ready' : 'not ready', supergraph, subgraphs } };
  }

  private probeAll(): Promise<Record<string, ProbeResult>> {
    const now = this.now();
    if (this.probes && now - this.probes.at < PROBE_CACHE_MS) return this.probes.results;
    const results = Promise.all(
      Object.entries(this.options.subgraphUrls).map(async ([name, url]) => [name, await this.probe(url)] as const),
    ).then((entries) => Object.fromEntries(entries));
    this.probes = { at: now, results };
    return results;
  }

  /** The subgraph's `/readyz`, beside its GraphQL endpoint. Never `fetch`, which refuses some ports. */
  private async probe(graphqlUrl: string): Promise<ProbeResult> {
    const timeout = this.options.probeTimeoutMs;
    try {
      const response = await request(new URL('readyz', graphqlUrl), {
        method: 'GET',
        dispatcher: this.agent,
        // A connection per probe: none left idle to hold up a subgraph's graceful stop.
        reset: true,
        headersTimeout: timeout,
        bodyTimeout: timeout,
        signal: AbortSignal.timeout(timeout),
      });
      await response.body.dump();
      return response.statusCode === 200 ? { ready: true } : { ready: false, reason: `its /readyz answered HTTP ${response.statusCode}` };
    } catch (error) {
      const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
      const timedOut = name === 'TimeoutError' || (typeof code === 'string' && /TIMEOUT/.test(code));
      return { ready: false, reason: timedOut ? `its /readyz did not answer within ${timeout} ms` : 'it cannot be reached' };
    }
  }
}
