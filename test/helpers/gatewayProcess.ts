import { spawn } from 'node:child_process';
import path from 'node:path';
import { envNameOf } from '@nsc-hub/shared';
import { TEST_JWT, TEST_SUBGRAPH_SECRET, freePort } from '@nsc-hub/shared/src/testing';
import { stopChild } from '../../scripts/supervisor';
import { readyzAnswers, waitUntilReady } from './waitUntilReady';

const ROOT = path.resolve(__dirname, '..', '..');

export interface GatewayProcess {
  /** http://127.0.0.1:<port>/graphql */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * The gateway as a Node process of its own, run from `gateway/src/main.ts` as `npm start` runs it,
 * in front of subgraphs already running (name → URL), with the test secret and JWT settings and
 * `env` on top; resolves once its /readyz answers 200.
 */
export async function startGatewayProcess(subgraphUrls: Readonly<Record<string, string>>, env: NodeJS.ProcessEnv = {}): Promise<GatewayProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'gateway', 'src', 'main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [`${envNameOf(name)}_URL`, url])),
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_PORT: String(port),
      SUBGRAPH_SECRET: TEST_SUBGRAPH_SECRET,
      JWT_SECRET: TEST_JWT.secret,
      JWT_ISSUER: TEST_JWT.issuer,
      JWT_AUDIENCE: TEST_JWT.audience,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-10_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  await waitUntilReady({
    name: 'gateway',
    process: child,
    ready: readyzAnswers(`http://127.0.0.1:${port}/readyz`),
    output: () => output,
    timeoutMs: 30_000,
    intervalMs: 50,
    giveUp: () => child.kill('SIGKILL'),
  });
  return { url: `http://127.0.0.1:${port}/graphql`, stop: () => stopChild(child) };
}
