import pino, { type Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { SubgraphModule } from '../SubgraphModule';
import type { ServiceMode, SubgraphExecutor } from '../config';
import type { QueryCounter } from '../db/QueryCounter';
import type { ServiceMetrics } from '../metrics/ServiceMetrics';
import { createTestDatabase, type TestDatabase } from './testDatabase';
import { TEST_EXECUTOR, TEST_JWT, TEST_MODE, TEST_SUBGRAPH_SECRET } from './tokens';

export interface RunningSubgraph {
  readonly name: string;
  /** The Postgres schema its data lives in. */
  readonly dbSchema: string;
  readonly url: string;
  readonly dataSource: DataSource;
  /** SQL statements sent so far by this subgraph's data source, and their text on request. */
  readonly queries: Pick<QueryCounter, 'statements' | 'record'>;
  /** What it counts, as its `/metrics` would show. */
  readonly metrics: ServiceMetrics;
  stop(): Promise<void>;
}

export interface StartSubgraphOptions {
  readonly seed?: boolean;
  readonly mode?: ServiceMode;
  /** A database of the caller's (kept on stop); else a fresh one on the test PostgreSQL (dropped). */
  readonly database?: TestDatabase;
  readonly peerUrls?: Readonly<Record<string, string>>;
  /** How it executes operations: `TEST_EXECUTOR` unless said. */
  readonly executor?: SubgraphExecutor;
  /** Where the subgraph and its data source log, e.g. a pino writing to a stream a test reads; silent by default. */
  readonly log?: Logger;
}

/**
 * A subgraph as it runs for real: its own fresh database on the test PostgreSQL, its migrations,
 * its seed data (unless `seed: false`), and its HTTP server on an ephemeral port. `peerUrls` says
 * where the subgraphs it asks run.
 */
export async function startSubgraph(module: SubgraphModule, options: StartSubgraphOptions = {}): Promise<RunningSubgraph> {
  const database = options.database ?? (await createTestDatabase(module.name));
  const log = options.log ?? pino({ level: 'silent' });
  const { dataSource, queries } = module.createDatabase(database.url, { poolSize: 4, logger: log });
  await dataSource.initialize();
  await module.migrate(dataSource);
  if (options.seed !== false) await module.seed(dataSource);
  const server = module.createServer({
    dataSource,
    config: {
      name: module.name,
      subgraphSecret: TEST_SUBGRAPH_SECRET,
      jwt: TEST_JWT,
      mode: options.mode ?? TEST_MODE,
      peerUrls: options.peerUrls ?? {},
      executor: options.executor ?? TEST_EXECUTOR,
    },
    log,
  });
  const listening = await server.start(0, '127.0.0.1');
  let stopped: Promise<void> | undefined;
  return {
    name: module.name,
    dbSchema: module.dbSchema,
    url: `http://127.0.0.1:${listening.port}/graphql`,
    dataSource,
    queries,
    metrics: server.metrics,
    stop() {
      // Idempotent: a test may stop a subgraph early to see how the hub copes without it.
      stopped ??= (async () => {
        await server.stop();
        await dataSource.destroy();
        if (!options.database) await database.drop();
      })();
      return stopped;
    },
  };
}
