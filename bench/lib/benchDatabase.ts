import path from 'node:path';
import { getEnvNum, getEnvStr, startEmbeddedPostgres, type Env, type Logger } from '@nsc-hub/shared';
import { REPO_ROOT, ensureDatabase, withDatabase } from '../../scripts/hubDatabase';

export interface BenchServer {
  /** The URL of the database holding the data of one scale. */
  urlFor(scale: number): string;
  /** A URL to the server's maintenance database, for CREATE/DROP DATABASE. */
  readonly adminUrl: string;
  readonly embedded: boolean;
  stop(): Promise<void>;
}

/** Each scale has its own database, never the hub's own (`nsc_hub`) or the tests'. */
export const benchDatabaseName = (scale: number) => `nsc_hub_bench_s${scale}`;

/**
 * The server the benchmark keeps its data on: the one in DATABASE_URL if set, else an embedded
 * PostgreSQL of its own (data in BENCH_POSTGRES_DIR, default .data/bench-postgres, port BENCH_POSTGRES_PORT), so the hub's
 * embedded server and its data are never touched and may even run meanwhile.
 */
export async function openBenchServer(env: Env, log: Logger): Promise<BenchServer> {
  const external = getEnvStr(env, 'DATABASE_URL');
  if (external) {
    return { adminUrl: external, urlFor: (scale) => withDatabase(external, benchDatabaseName(scale)), embedded: false, stop: async () => {} };
  }
  const port = getEnvNum(env, 'BENCH_POSTGRES_PORT', 54339);
  const dataDir = path.resolve(REPO_ROOT, getEnvStr(env, 'BENCH_POSTGRES_DIR', '.data/bench-postgres'));
  log.info({ dataDir, port }, 'starting the benchmark PostgreSQL');
  const server = await startEmbeddedPostgres({ dataDir, port, logger: log });
  return { adminUrl: server.url, urlFor: (scale) => withDatabase(server.url, benchDatabaseName(scale)), embedded: true, stop: () => server.stop() };
}

export { ensureDatabase };
