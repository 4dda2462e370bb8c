import type { Logger } from 'pino';

/**
 * Keeps a database outage to two log lines: "database unreachable" when the first failure is seen,
 * then only a count, and "database reachable again" with the number of failed requests and how
 * long it lasted. Without it every failed request would log its own stack trace, thousands a
 * minute, burying everything else. Readiness reads `down` from here too.
 */
export class DatabaseOutage {
  private since: number | undefined;
  private failedRequests = 0;
  private readonly countedRequests = new WeakSet<object>();

  constructor(
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  get down(): boolean {
    return this.since !== undefined;
  }

  /**
   * A failure that means the database cannot be reached. `request` (any object standing for one
   * request, e.g. its context) makes it count once as a failed request, however many of its
   * fields failed; `log` is the request's own logger, so the first line carries its request id.
   */
  failed(error: unknown, request?: { readonly object: object; readonly log: Logger }): void {
    if (request && !this.countedRequests.has(request.object)) {
      this.countedRequests.add(request.object);
      this.failedRequests += 1;
    }
    if (this.since !== undefined) return;
    this.since = this.now();
    // The reason, not the stack: where the driver noticed says nothing about why the server is gone.
    (request?.log ?? this.log).error({ reason: reasonOf(error) }, 'database unreachable');
  }

  /** The database answered: ends an outage, if there was one. */
  reachable(): void {
    if (this.since === undefined) return;
    this.log.info({ failedRequests: this.failedRequests, durationMs: this.now() - this.since }, 'database reachable again');
    this.since = undefined;
    this.failedRequests = 0;
  }
}

function reasonOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { code, message, driverError } = error as { code?: unknown; message?: unknown; driverError?: unknown };
  if (driverError && driverError !== error) return reasonOf(driverError);
  return [code, message].filter((part) => typeof part === 'string' && part).join(': ') || 'unknown';
}
