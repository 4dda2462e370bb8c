import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { request } from 'undici';
import type { SubgraphModule } from '@nsc-hub/shared';
import { TEST_JWT, TEST_SUBGRAPH_SECRET } from '@nsc-hub/shared/src/testing';
import { stopChild } from '../../scripts/supervisor';

const ROOT = path.resolve(__dirname, '..', '..');

export interface SubgraphProcess {
  /** http://127.0.0.1:<port>/graphql */
  readonly url: string;
  /** Started (again) on the same port: ready once its /health answers. */
  start(): Promise<void>;
  /** SIGKILL, as a crash or the OOM killer would: no graceful stop, open connections reset. */
  kill9(): Promise<void>;
  /** Stops it if it is running (SIGTERM, then SIGKILL). */
  stop(): Promise<void>;
}

/**
 * A subgraph as its own Node process, run from its `src/main.ts` as `npm start` runs it, on a fixed
 * port and a database the caller has migrated and seeded, with the test JWT settings and secret.
 * Its stderr is kept and shown only if it fails to start.
 */
export function subgraphProcess(
  module: SubgraphModule,
  options: { port: number; databaseUrl: string; peerUrls?: Readonly<Record<string, string>>; readyWithinMs?: number },
): SubgraphProcess {
  const name = module.name.toUpperCase();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    [`${name}_PORT`]: String(options.port),
    [`${name}_DATABASE_URL`]: options.databaseUrl,
    ...Object.fromEntries(Object.entries(options.peerUrls ?? {}).map(([peer, url]) => [`${peer.toUpperCase()}_URL`, url])),
    SUBGRAPH_HOST: '127.0.0.1',
    SUBGRAPH_SECRET: TEST_SUBGRAPH_SECRET,
    JWT_SECRET: TEST_JWT.secret,
    JWT_ISSUER: TEST_JWT.issuer,
    JWT_AUDIENCE: TEST_JWT.audience,
    LOG_LEVEL: 'warn',
  };
  const entry = path.join(ROOT, 'subgraphs', module.name, 'src', 'main.ts');
  const base = `http://127.0.0.1:${options.port}`;
  let child: ChildProcess | undefined;

  const exited = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;
  return {
    url: `${base}/graphql`,
    async start() {
      if (child && !exited(child)) throw new Error(`${module.name} is already running`);
      const started = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
      child = started;
      let output = '';
      started.stderr!.on('data', (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-10_000);
      });
      const deadline = Date.now() + (options.readyWithinMs ?? 30_000);
      for (;;) {
        if (exited(started)) throw new Error(`${module.name} exited before it was ready:\n${output}`);
        try {
          // No keep-alive: an idle connection from here would hold up its graceful stop.
          const res = await request(`${base}/health`, { headers: { connection: 'close' } });
          await res.body.dump();
          if (res.statusCode === 200) return;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) {
          started.kill('SIGKILL');
          throw new Error(`${module.name} was not ready within ${options.readyWithinMs ?? 30_000} ms:\n${output}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async kill9() {
      const running = child;
      if (!running || exited(running)) return;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGKILL');
      });
    },
    async stop() {
      if (child) await stopChild(child);
    },
  };
}
