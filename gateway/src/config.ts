import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  envNameOf,
  getEnvBool,
  getEnvChoice,
  getEnvNum,
  getEnvStr,
  loadJwtConfig,
  loadMetricsListen,
  METRICS_PORT_OFFSET,
  type MetricsListen,
  loadServiceMode,
  loadSubgraphSecret,
  type Env,
  type JwtConfig,
  type ServiceMode,
} from '@nsc-hub/shared';
import { loadRequestLimits, type RequestLimits } from './requestLimits';
import { EXPLORER_DIR } from './serveExplorer';

export interface GatewayConfig {
  readonly host: string;
  readonly port: number;
  /** The composed supergraph the gateway serves (`npm run compose` writes it), reloaded when the file changes. */
  readonly supergraphPath: string;
  /** The supergraph as read at start-up. */
  readonly supergraphSdl: string;
  /**
   * Subgraph URL overrides by subgraph name (`<NAME>_URL`); others use the URL in the supergraph.
   * Read once, for the subgraphs of the supergraph served at start-up: a subgraph that first appears
   * in a reloaded supergraph is called at the URL written in it (and gets the common timeouts) until
   * the next restart.
   */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly subgraphSecret: string;
  readonly jwt: JwtConfig;
  readonly mode: ServiceMode;
  /** Allowed browser origins; `*` allows any (tokens travel in a header, not cookies). */
  readonly corsOrigins: '*' | readonly string[];
  readonly limits: RequestLimits;
  /** How long a subgraph may take to answer a query before it counts as unavailable (`SUBGRAPH_TIMEOUT_MS`). */
  readonly subgraphTimeoutMs: number;
  /** Read timeouts of their own by subgraph name (`<NAME>_TIMEOUT_MS`); the others use `subgraphTimeoutMs`. */
  readonly subgraphTimeoutsMs: Readonly<Record<string, number>>;
  /** How long a mutation may take (`SUBGRAPH_MUTATION_TIMEOUT_MS`), or a subgraph's read timeout if longer. */
  readonly mutationTimeoutMs: number;
  /** Every subgraph's circuit breaker: consecutive failures that open it, and how long it stays open. */
  readonly breaker: { readonly failures: number; readonly cooldownMs: number };
  /** How long `/readyz` waits for each subgraph's own `/readyz`. */
  readonly readinessTimeoutMs: number;
  /** The bundled explorer the gateway serves at `/` (built by `npm install`). */
  readonly explorerDir: string;
  /**
   * Trusted documents (`npm run operations:manifest`): `off` ignores the list; `allow` runs listed
   * documents by id besides any other; `only` runs nothing else for callers without a role.
   */
  readonly persistedOperations: { readonly mode: PersistedOperationsMode; readonly path: string };
  /** Answers kept at the gateway (`RESPONSE_CACHE`): in this process, or in Redis shared by every gateway (`REDIS_URL`). */
  readonly responseCache: ResponseCacheConfig;
  /** Where `GET /metrics` listens (`METRICS_HOST`, `METRICS_PORT`): apart from the port clients use. */
  readonly metrics: MetricsListen;
}

export type ResponseCacheConfig =
  | { readonly store: 'off' }
  | { readonly store: 'memory'; readonly maxBytes: number }
  | { readonly store: 'redis'; readonly url: string; readonly keyPrefix: string };

/** The in-process cache's bound, as the JSON it keeps: the least recently used answers go first. */
export const RESPONSE_CACHE_MEMORY_BYTES = 64 * 1024 * 1024;

export const PERSISTED_OPERATIONS_MODES = ['off', 'allow', 'only'] as const;
export type PersistedOperationsMode = (typeof PERSISTED_OPERATIONS_MODES)[number];

/** The timeouts one subgraph's requests get, by operation kind. */
export interface SubgraphTimeouts {
  readonly queryMs: number;
  readonly mutationMs: number;
}

export const DEFAULT_RESILIENCE = {
  /** Reads: well above a healthy subgraph's slowest query, well below a client's patience. */
  subgraphTimeoutMs: 3000,
  /** A write may take longer, and one cut off may still commit: give it room before giving up. */
  mutationTimeoutMs: 10_000,
  breakerFailures: 5,
  breakerCooldownMs: 2000,
  readinessTimeoutMs: 1000,
} as const;

export const DEFAULT_GATEWAY_PORT = 4000;
export const DEFAULT_SUPERGRAPH_PATH = path.resolve(__dirname, '..', 'supergraph.graphql');
export const DEFAULT_PERSISTED_OPERATIONS_PATH = path.resolve(__dirname, '..', 'persisted-operations.json');

/** Reads and validates the gateway's environment once, at start-up. */
export function loadConfig(env: Env = process.env): GatewayConfig {
  const supergraphPath = path.resolve(getEnvStr(env, 'SUPERGRAPH_PATH', DEFAULT_SUPERGRAPH_PATH));
  const supergraphSdl = readFileSync(supergraphPath, 'utf8');
  const subgraphUrls: Record<string, string> = {};
  const subgraphTimeoutsMs: Record<string, number> = {};
  for (const name of subgraphNamesIn(supergraphSdl)) {
    const url = getEnvStr(env, `${envNameOf(name)}_URL`);
    if (url) subgraphUrls[name] = new URL(url).toString();
    if (getEnvStr(env, `${envNameOf(name)}_TIMEOUT_MS`)) subgraphTimeoutsMs[name] = positive(env, `${envNameOf(name)}_TIMEOUT_MS`, 1);
  }
  const origins = getEnvStr(env, 'CORS_ORIGINS', '*');
  const mode = loadServiceMode(env);
  return {
    host: getEnvStr(env, 'GATEWAY_HOST', '127.0.0.1'),
    port: getEnvNum(env, 'GATEWAY_PORT', DEFAULT_GATEWAY_PORT),
    supergraphPath,
    supergraphSdl,
    subgraphUrls,
    jwt: loadJwtConfig(env),
    subgraphSecret: loadSubgraphSecret(env),
    mode,
    corsOrigins: origins === '*' ? '*' : origins.split(',').map((o) => o.trim()).filter(Boolean),
    limits: loadRequestLimits(env),
    subgraphTimeoutMs: positive(env, 'SUBGRAPH_TIMEOUT_MS', DEFAULT_RESILIENCE.subgraphTimeoutMs),
    subgraphTimeoutsMs,
    mutationTimeoutMs: positive(env, 'SUBGRAPH_MUTATION_TIMEOUT_MS', DEFAULT_RESILIENCE.mutationTimeoutMs),
    breaker: {
      failures: positive(env, 'BREAKER_FAILURES', DEFAULT_RESILIENCE.breakerFailures),
      cooldownMs: getEnvNum(env, 'BREAKER_COOLDOWN_MS', DEFAULT_RESILIENCE.breakerCooldownMs),
    },
    readinessTimeoutMs: positive(env, 'READINESS_TIMEOUT_MS', DEFAULT_RESILIENCE.readinessTimeoutMs),
    explorerDir: EXPLORER_DIR,
    persistedOperations: {
      mode: persistedOperationsMode(env, mode.production),
      path: path.resolve(getEnvStr(env, 'PERSISTED_OPERATIONS_PATH', DEFAULT_PERSISTED_OPERATIONS_PATH)),
    },
    responseCache: loadResponseCacheConfig(env),
    metrics: loadMetricsListen(env, 'METRICS_PORT', DEFAULT_GATEWAY_PORT + METRICS_PORT_OFFSET),
  };
}

function loadResponseCacheConfig(env: Env): ResponseCacheConfig {
  if (!getEnvBool(env, 'RESPONSE_CACHE', true)) return { store: 'off' };
  const url = getEnvStr(env, 'REDIS_URL');
  if (!url) return { store: 'memory', maxBytes: RESPONSE_CACHE_MEMORY_BYTES };
  if (!/^rediss?:$/.test(new URL(url).protocol)) throw new Error(`REDIS_URL must be a redis:// or rediss:// address, not "${url}"`);
  return { store: 'redis', url, keyPrefix: getEnvStr(env, 'REDIS_KEY_PREFIX', 'nsc-hub:') };
}

/** A subgraph's timeouts: its own read timeout or the common one; mutations never get less. */
export function timeoutsFor(config: Pick<GatewayConfig, 'subgraphTimeoutMs' | 'subgraphTimeoutsMs' | 'mutationTimeoutMs'>, subgraph: string): SubgraphTimeouts {
  const queryMs = config.subgraphTimeoutsMs[subgraph] ?? config.subgraphTimeoutMs;
  return { queryMs, mutationMs: Math.max(queryMs, config.mutationTimeoutMs) };
}

/** Production defaults to `only`: the public endpoint runs the frontends' documents and no others. */
function persistedOperationsMode(env: Env, production: boolean): PersistedOperationsMode {
  return getEnvChoice(env, 'PERSISTED_OPERATIONS', PERSISTED_OPERATIONS_MODES, production ? 'only' : 'allow');
}

function positive(env: Env, name: string, fallback: number): number {
  const value = getEnvNum(env, name, fallback);
  if (value < 1) throw new Error(`${name} must be at least 1`);
  return value;
}

/** The subgraph names a supergraph joins (`@join__graph(name: "membership", …)`). */
export function subgraphNamesIn(supergraphSdl: string): string[] {
  return [...supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((m) => m[1]);
}
