import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from 'pino';
import { isDatabaseUnavailable } from './isDatabaseUnavailable';

export interface RecordedStatement {
  readonly sql: string;
  readonly parameters: readonly unknown[];
  /** When it was sent (performance.now()). */
  readonly at: number;
}

const notCounted = new AsyncLocalStorage<true>();

/**
 * Runs `work` with its statements left out of every count and recording: work done only to check
 * other work (the second executor of `SUBGRAPH_EXECUTOR=compare`) is not the request's cost.
 */
export function withoutCounting<T>(work: () => Promise<T>): Promise<T> {
  return notCounted.run(true, work);
}

/**
 * TypeORM logger that counts every SQL statement sent (tests use the count to prove that a
 * request's statements do not grow with list sizes) and sends failures and slow queries to pino.
 */
export class QueryCounter implements TypeOrmLogger {
  private count = 0;
  private readonly recordings = new Set<RecordedStatement[]>();

  constructor(private readonly pino?: Logger) {}

  get statements(): number {
    return this.count;
  }

  /** Collects every statement sent until `stop()`: its text in `sql`, text and parameters in `calls`. */
  record(): { readonly sql: readonly string[]; readonly calls: readonly RecordedStatement[]; stop(): void } {
    const calls: RecordedStatement[] = [];
    this.recordings.add(calls);
    return {
      calls,
      get sql() {
        return calls.map((c) => c.sql);
      },
      stop: () => this.recordings.delete(calls),
    };
  }

  logQuery(query: string, parameters?: unknown[]): void {
    if (notCounted.getStore()) return;
    this.count += 1;
    for (const calls of this.recordings) calls.push({ sql: query, parameters: parameters ?? [], at: performance.now() });
    this.pino?.trace({ sql: query }, 'sql');
  }

  logQueryError(error: string | Error, query: string): void {
    // While the database is down every statement fails the same way; DatabaseOutage reports that once.
    if (isDatabaseUnavailable(error)) this.pino?.debug({ err: error, sql: query }, 'sql failed: database unavailable');
    else this.pino?.warn({ err: error, sql: query }, 'sql failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.pino?.warn({ ms: time, sql: query }, 'slow sql');
  }

  logSchemaBuild(message: string): void {
    this.pino?.debug(message);
  }

  logMigration(message: string): void {
    this.pino?.info(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.pino?.warn(String(message));
    else this.pino?.debug(String(message));
  }
}
