import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from 'pino';

/**
 * TypeORM logger that counts every SQL statement sent (tests use the count to prove that a
 * request's statements do not grow with list sizes) and sends failures and slow queries to pino.
 */
export class QueryCounter implements TypeOrmLogger {
  private count = 0;
  private readonly recordings = new Set<string[]>();

  constructor(private readonly pino?: Logger) {}

  get statements(): number {
    return this.count;
  }

  /** Collects the text (not the parameters) of every statement sent until `stop()`. */
  record(): { readonly sql: readonly string[]; stop(): void } {
    const sql: string[] = [];
    this.recordings.add(sql);
    return { sql, stop: () => this.recordings.delete(sql) };
  }

  logQuery(query: string): void {
    this.count += 1;
    for (const sql of this.recordings) sql.push(query);
    this.pino?.trace({ sql: query }, 'sql');
  }

  logQueryError(error: string | Error, query: string): void {
    this.pino?.warn({ err: error, sql: query }, 'sql failed');
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
