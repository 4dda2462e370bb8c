import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  getEnvNum,
  getEnvStr,
  loadJwtConfig,
  loadServiceMode,
  loadSubgraphSecret,
  type Env,
  type JwtConfig,
  type ServiceMode,
} from '@nsc-hub/shared';
import { loadRequestLimits, type RequestLimits } from './requestLimits';

export interface GatewayConfig {
  readonly host: string;
  readonly port: number;
  /** The composed supergraph the gateway serves (`npm run compose` writes it). */
  readonly supergraphPath: string;
  readonly supergraphSdl: string;
  /** Subgraph URL overrides by subgraph name (`<NAME>_URL`); others use the URL in the supergraph. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly subgraphSecret: string;
  readonly jwt: JwtConfig;
  readonly mode: ServiceMode;
  /** Allowed browser origins; `*` allows any (tokens travel in a header, not cookies). */
  readonly corsOrigins: '*' | readonly string[];
  readonly limits: RequestLimits;
  /** How long a subgraph may take to answer one request before it counts as unavailable. */
  readonly subgraphTimeoutMs: number;
}

export const DEFAULT_SUPERGRAPH_PATH = path.resolve(__dirname, '..', 'supergraph.graphql');

/** Reads and validates the gateway's environment once, at start-up. */
export function loadConfig(env: Env = process.env): GatewayConfig {
  const supergraphPath = path.resolve(getEnvStr(env, 'SUPERGRAPH_PATH', DEFAULT_SUPERGRAPH_PATH));
  const supergraphSdl = readFileSync(supergraphPath, 'utf8');
  const subgraphUrls: Record<string, string> = {};
  for (const name of subgraphNamesIn(supergraphSdl)) {
    const url = getEnvStr(env, `${name.toUpperCase()}_URL`);
    if (url) subgraphUrls[name] = new URL(url).toString();
  }
  const origins = getEnvStr(env, 'CORS_ORIGINS', '*');
  return {
    host: getEnvStr(env, 'GATEWAY_HOST', '127.0.0.1'),
    port: getEnvNum(env, 'GATEWAY_PORT', 4000),
    supergraphPath,
    supergraphSdl,
    subgraphUrls,
    jwt: loadJwtConfig(env),
    subgraphSecret: loadSubgraphSecret(env),
    mode: loadServiceMode(env),
    corsOrigins: origins === '*' ? '*' : origins.split(',').map((o) => o.trim()).filter(Boolean),
    limits: loadRequestLimits(env),
    subgraphTimeoutMs: getEnvNum(env, 'SUBGRAPH_TIMEOUT_MS', 10_000),
  };
}

/** The subgraph names a supergraph joins (`@join__graph(name: "membership", …)`). */
export function subgraphNamesIn(supergraphSdl: string): string[] {
  return [...supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((m) => m[1]);
}
