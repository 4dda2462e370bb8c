import { envNameOf } from '@nsc-hub/shared';
import { TEST_JWT, TEST_SUBGRAPH_SECRET, freePort } from '@nsc-hub/shared/src/testing';
import { stopChild } from '../../scripts/supervisor';
import { LOOPBACK, spawnService, type ServiceHost } from './spawnService';

export interface GatewayProcess {
  /** http://<host>:<port>/graphql */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * The gateway as a Node process of its own, run from `gateway/src/main.ts` as `npm start` runs it,
 * in front of subgraphs already running (name → URL), with the test secret and JWT settings and
 * `env` on top, on `host` (loopback unless said); resolves once its /readyz answers 200.
 */
export async function startGatewayProcess(
  subgraphUrls: Readonly<Record<string, string>>,
  env: NodeJS.ProcessEnv = {},
  host: ServiceHost = LOOPBACK,
): Promise<GatewayProcess> {
  const port = await freePort();
  const child = await spawnService('gateway', 'gateway/src/main.ts', {
    ...process.env,
    ...Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [`${envNameOf(name)}_URL`, url])),
    GATEWAY_HOST: host.address,
    GATEWAY_PORT: String(port),
    SUBGRAPH_SECRET: TEST_SUBGRAPH_SECRET,
    JWT_SECRET: TEST_JWT.secret,
    JWT_ISSUER: TEST_JWT.issuer,
    JWT_AUDIENCE: TEST_JWT.audience,
    LOG_LEVEL: 'warn',
    ...env,
  }, `http://${host.address}:${port}/readyz`, host);
  return { url: `http://${host.address}:${port}/graphql`, stop: () => stopChild(child) };
}
