import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { envNameOf, type SubgraphModule } from '@nsc-hub/shared';
import { TEST_JWT, TEST_SUBGRAPH_SECRET, createTestDatabase, freePort, type TestDatabase } from '@nsc-hub/shared/src/testing';
import { stopChild } from '../../scripts/supervisor';
import { LOOPBACK, spawnService, type ServiceHost } from './spawnService';

export interface SubgraphProcess {
  /** http://<host>:<port>/graphql */
  readonly url: string;
  readonly port: number;
  /** Its migrated and seeded database, kept across restarts (one given to it is never dropped). */
  readonly database: TestDatabase;
  /** Starts it (again) on the same port and database; resolves once its /readyz answers 200. */
  start(): Promise<void>;
  /** A signal to the running process: SIGSTOP freezes it (connections are still accepted), SIGCONT thaws it. */
  signal(signal: NodeJS.Signals): void;
  /** SIGKILL, as a crash or the OOM killer would: no graceful stop, open connections reset. */
  kill9(): Promise<void>;
  /** Ends it if it runs (thawed first; SIGTERM, then SIGKILL): it can be started again. */
  stop(): Promise<void>;
  /** Ends it and drops its database. */
  close(): Promise<void>;
}

/**
 * A subgraph as its own Node process, run from its `src/main.ts` as `npm start` runs it, on a fresh
 * migrated and seeded database (or `databaseUrl`, prepared already) and a port (`port`, or a free
 * one) on `host` (loopback unless said), with the test secret and JWT settings: a test can freeze
 * it, kill it and start it again where it ran. Its output is kept and shown only if it fails to start.
 */
export async function startSubgraphProcess(
  module: SubgraphModule,
  options: { port?: number; peerUrls?: Readonly<Record<string, string>>; env?: NodeJS.ProcessEnv; host?: ServiceHost; databaseUrl?: string } = {},
): Promise<SubgraphProcess> {
  const host = options.host ?? LOOPBACK;
  const database = options.databaseUrl ? { url: options.databaseUrl, drop: async () => {} } : await createSeededDatabase(module);
  const name = envNameOf(module.name);
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    [`${name}_PORT`]: String(port),
    [`${name}_DATABASE_URL`]: database.url,
    ...Object.fromEntries(Object.entries(options.peerUrls ?? {}).map(([peer, url]) => [`${envNameOf(peer)}_URL`, url])),
    SUBGRAPH_HOST: host.address,
    SUBGRAPH_SECRET: TEST_SUBGRAPH_SECRET,
    JWT_SECRET: TEST_JWT.secret,
    JWT_ISSUER: TEST_JWT.issuer,
    JWT_AUDIENCE: TEST_JWT.audience,
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  const entry = path.posix.join('subgraphs', module.name, 'src', 'main.ts');
  let child: ChildProcess | undefined;
  const running = () => child !== undefined && child.exitCode === null && child.signalCode === null;

  const handle: SubgraphProcess = {
    url: `http://${host.address}:${port}/graphql`,
    port,
    database,
    async start() {
      if (running()) throw new Error(`${module.name} is already running`);
      child = await spawnService(module.name, entry, env, `http://${host.address}:${port}/readyz`, host);
    },
    signal(signal) {
      if (running()) child!.kill(signal);
    },
    async kill9() {
      const current = child;
      if (!current || !running()) return;
      const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
      current.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!child || !running()) return;
      // A frozen process would not act on SIGTERM until the grace period ran out.
      child.kill('SIGCONT');
      await stopChild(child);
    },
    async close() {
      await handle.stop();
      await database.drop();
    },
  };
  try {
    await handle.start();
  } catch (error) {
    await database.drop();
    throw error;
  }
  return handle;
}

/** A test database of its own for `module`, migrated and seeded. */
async function createSeededDatabase(module: SubgraphModule): Promise<TestDatabase> {
  const database = await createTestDatabase(module.name);
  const { dataSource } = module.createDatabase(database.url, { poolSize: 2 });
  await dataSource.initialize();
  try {
    await module.migrate(dataSource);
    await module.seed(dataSource);
  } finally {
    await dataSource.destroy();
  }
  return database;
}
