export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures (no answer, or a timeout) that open the breaker. */
  readonly failures: number;
  /** How long an open breaker refuses every request before it lets one probe through. */
  readonly cooldownMs: number;
  /** The clock; tests pass their own. */
  readonly now?: () => number;
}

/** Leave to send one request; its outcome is reported back with it. */
export interface BreakerPermit {
  /** The one request let through after the cooldown, whose outcome closes or re-opens the breaker. */
  readonly probe: boolean;
}

/**
 * One subgraph's circuit breaker. While a subgraph fails, every request to it would wait its whole
 * timeout; after `failures` failures in a row the breaker opens and requests are refused at once.
 * After `cooldownMs` one probe goes through: its success closes the breaker, its failure opens it
 * for another cooldown. Only failures of the subgraph count: the caller decides what those are.
 */
export class CircuitBreaker {
  private readonly now: () => number;
  private consecutiveFailures = 0;
  /** When the breaker (last) opened; undefined while closed. */
  private openedAt: number | undefined;
  private probing = false;

  constructor(private readonly options: CircuitBreakerOptions) {
    if (!(options.failures >= 1)) throw new Error('A circuit breaker needs failures of at least 1');
    this.now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    if (this.openedAt === undefined) return 'closed';
    return this.probing || this.cooledDown() ? 'half-open' : 'open';
  }

  /** A permit to send, or undefined: the breaker is open, or its one probe is still out. */
  tryAcquire(): BreakerPermit | undefined {
    if (this.openedAt === undefined) return { probe: false };
    if (this.probing || !this.cooledDown()) return undefined;
    this.probing = true;
    return { probe: true };
  }

  succeeded(_permit: BreakerPermit): void {
    // Any answer shows the subgraph is back, even one to a request sent before the breaker opened.
    this.consecutiveFailures = 0;
    this.openedAt = undefined;
    this.probing = false;
  }

  failed(permit: BreakerPermit): void {
    if (permit.probe) {
      this.probing = false;
      this.openedAt = this.now();
      return;
    }
    // Requests sent before the breaker opened come back failed too; they are no news.
    if (this.openedAt !== undefined) return;
    this.consecutiveFailures += 1;
    if (this.consecutiveFailures >= this.options.failures) this.openedAt = this.now();
  }

  private cooledDown(): boolean {
    return this.now() - this.openedAt! >= this.options.cooldownMs;
  }
}
