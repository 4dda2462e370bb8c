import { envNameOf } from '@nsc-hub/shared';
import { TEST_JWT, TEST_SUBGRAPH_SECRET, freePort } from '@nsc-hub/shared/src/testing';
import { stopChild } from '../../scripts/supervisor';
import { spawnService } from './spawnService';

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
  const child = await spawnService('gateway', 'gateway/src/main.ts', {
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
  }, `http://127.0.0.1:${port}/readyz`);
  return { url: `http://127.0.0.1:${port}/graphql`, stop: () => stopChild(child) };
}
