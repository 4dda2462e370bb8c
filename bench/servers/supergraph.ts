import { readFileSync } from 'node:fs';
import { DEFAULT_SUPERGRAPH_PATH } from '@nsc-hub/gateway';
import { envNameOf } from '@nsc-hub/shared';

/** The committed supergraph with each subgraph's URL taken from `<NAME>_URL`. */
export function supergraphWithUrls(env: NodeJS.ProcessEnv): string {
  return readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8').replace(/@join__graph\(name: "(\w+)", url: "[^"]*"\)/g, (whole, name: string) => {
    const url = env[`${envNameOf(name)}_URL`];
    return url ? `@join__graph(name: "${name}", url: "${url}")` : whole;
  });
}

export function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}
