import { types as pgTypes } from 'pg';
import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import type { Logger } from 'pino';
import { QueryCounter } from './QueryCounter';
import { isDatabaseUnavailable } from './isDatabaseUnavailable';

export interface SubgraphDataSourceOptions {
  readonly url: string;
  /** The Postgres schema the subgraph owns (`membership`, `knowledge`, `forums`). */
  readonly schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: MixedList<Function | string>;
  readonly poolSize?: number;
  readonly logger?: Logger;
  readonly applicationName?: string;
}

export interface SubgraphDataSource {
  readonly dataSource: DataSource;
  readonly queries: QueryCounter;
}

// A SQL `date` is a calendar day: keep it the 'YYYY-MM-DD' text Postgres sends. The driver's default
// turns it into a JS Date at local midnight, which raw queries would then hand on (and a time zone
// can move by a day).
const PG_DATE_OID = 1082;
pgTypes.setTypeParser(PG_DATE_OID, (value: string) => value);

/**
 * How long a request waits for a connection: for a new one when the server does not answer (a
 * hung host), or for a free one from a busy pool. Past it the request fails as the database being
 * unavailable instead of hanging.
 */
const CONNECT_TIMEOUT_MS = 10_000;

export function createDataSource(options: SubgraphDataSourceOptions): SubgraphDataSource {
  const queries = new QueryCounter(options.logger);
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'all',
    // Migrations only: the schema is never derived from the entities outside a throwaway test.
    synchronize: false,
    // A where-condition on undefined or null is a bug (TypeORM would otherwise drop the condition,
    // and `findOneBy({ id: undefined })` would return the first row): refuse to build the query.
    invalidWhereValuesBehavior: { undefined: 'throw', null: 'throw' },
    logger: queries,
    maxQueryExecutionTime: 1000,
    applicationName: options.applicationName ?? `nsc-hub-${options.schema}`,
    // Two cores: a small pool per subgraph process is plenty and leaves room for the others.
    poolSize: options.poolSize ?? 5,
    connectTimeoutMS: CONNECT_TIMEOUT_MS,
    // An idle connection the server closes (PostgreSQL stopped or restarted) is an 'error' on the
    // pool, which must be handled or the process dies. An outage is reported once by the server's
    // DatabaseOutage; anything else is worth a warning here.
    poolErrorHandler: (error: unknown) => {
      if (isDatabaseUnavailable(error)) options.logger?.debug({ err: error }, 'idle database connection closed');
      else options.logger?.warn({ err: error }, 'database pool error');
    },
  });
  return { dataSource, queries };
}

/** Creates the subgraph's schema if needed and applies pending migrations, all or nothing. */
export async function migrate(dataSource: DataSource, schema: string): Promise<string[]> {
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
  const applied = await dataSource.runMigrations({ transaction: 'all' });
  return applied.map((m) => m.name);
}

/** A SQL identifier, quoted: for the few names (schemas, databases) that cannot be parameters. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
