import { envNameOf } from '@nsc-hub/shared';
import { freePort } from '@nsc-hub/shared/src/testing';

/**
 * Free ports for each named subgraph, as the env variables `npm start` reads: its own
 * (`DENMARK_PORT=…`) and its metrics' (`DENMARK_METRICS_PORT=…`).
 */
export async function subgraphPortEnv(names: readonly string[]): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const name of names) {
    env[`${envNameOf(name)}_PORT`] = String(await freePort());
    env[`${envNameOf(name)}_METRICS_PORT`] = String(await freePort());
  }
  return env;
}
