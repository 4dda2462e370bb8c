import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import type { SubgraphModule } from '@nsc-hub/shared';
import { TEST_JWT, TEST_SUBGRAPH_SECRET, createTestDatabase, freePort, type TestDatabase } from '@nsc-hub/shared/src/testing';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

export interface SubgraphProcess {
  /** http://127.0.0.1:<port>/graphql */
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  readonly database: TestDatabase;
  /** Ends the process (thawing it first if it is stopped) and drops its database unless it was given one. */
  stop(): Promise<void>;
}

/**
 * A subgraph as its own process, as `npm start` runs it (`node --import tsx …/main.ts`), on a fresh
 * migrated and seeded database and a free loopback port: a test can freeze it (SIGSTOP) or kill it.
 */
export async function startSubgraphProcess(
  module: SubgraphModule,
  /** To start it again where it ran before: its port and its (seeded) database, which stop() keeps. */
  again?: { port: number; database: TestDatabase },
): Promise<SubgraphProcess> {
  const database = again?.database ?? (await createTestDatabase(module.name));
  if (!again) {
    const { dataSource } = module.createDatabase(database.url, { poolSize: 2 });
    await dataSource.initialize();
    try {
      await module.migrate(dataSource);
      await module.seed(dataSource);
    } finally {
      await dataSource.destroy();
    }
  }
  const prefix = module.name.toUpperCase();
  const port = again?.port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'subgraphs', module.name, 'src', 'main.ts')], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      [`${prefix}_PORT`]: String(port),
      [`${prefix}_DATABASE_URL`]: database.url,
      SUBGRAPH_HOST: '127.0.0.1',
      SUBGRAPH_SECRET: TEST_SUBGRAPH_SECRET,
      JWT_SECRET: TEST_JWT.secret,
      JWT_ISSUER: TEST_JWT.issuer,
      JWT_AUDIENCE: TEST_JWT.audience,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGCONT');
        child.kill('SIGTERM');
        const killed = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(killed);
      }
      if (!again) await database.drop();
    })());

  try {
    await answering(port, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}/graphql`, port, child, database, stop };
}

/** Resolves once the process answers HTTP on `port` (it listens only once it can serve), at most 30 s. */
async function answering(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The subgraph process exited with ${child.exitCode}:\n${output()}`);
    const answered = await new Promise<boolean>((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, (res) => {
        res.resume();
        resolve(true);
      });
      req.on('error', () => resolve(false));
      req.on('timeout', () => req.destroy());
    });
    if (answered) return;
    if (Date.now() > deadline) throw new Error(`The subgraph process did not answer on port ${port} within 30 s:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
