import { envNameOf } from '@nsc-hub/shared';
import { freePort } from '@nsc-hub/shared/src/testing';

/** A free port for each named subgraph, as the env variables `npm start` reads (`DENMARK_PORT=…`). */
export async function subgraphPortEnv(names: readonly string[]): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const name of names) env[`${envNameOf(name)}_PORT`] = String(await freePort());
  return env;
}
