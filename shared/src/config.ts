import { loadJwtConfig, type JwtConfig } from './auth';
import { envNameOf, getEnvChoice, getEnvNum, getEnvStr, isProduction, type Env } from './env';

/** Development only: `NODE_ENV=production` refuses to start with it. */
export const DEVELOPMENT_SUBGRAPH_SECRET = 'nsc-hub-development-subgraph-secret';

/** Header the gateway sets on every subgraph request; subgraphs reject requests without it. */
export const SUBGRAPH_SECRET_HEADER = 'x-nsc-subgraph-secret';
export const REQUEST_ID_HEADER = 'x-request-id';
/**
 * Where a subgraph's answer to the gateway lists the records the request changed (`EntityChange`),
 * so the gateway's response cache forgets the answers that held them. The gateway never passes a
 * subgraph's extensions on to its clients.
 */
export const CHANGES_EXTENSION = 'changedEntities';

export interface ServiceMode {
  /** NODE_ENV=production: introspection off, errors masked, defaults refused. */
  readonly production: boolean;
  /** Unset NODE_ENV or `development`: internal error details and stack traces reach the client. */
  readonly exposeInternals: boolean;
}

export function loadServiceMode(env: Env): ServiceMode {
  const nodeEnv = getEnvStr(env, 'NODE_ENV', 'development');
  return { production: isProduction(env), exposeInternals: nodeEnv === 'development' };
}

export function loadSubgraphSecret(env: Env): string {
  const secret = getEnvStr(env, 'SUBGRAPH_SECRET', DEVELOPMENT_SUBGRAPH_SECRET);
  if (isProduction(env) && secret === DEVELOPMENT_SUBGRAPH_SECRET) {
    throw new Error('SUBGRAPH_SECRET must be set to a secret of your own when NODE_ENV=production');
  }
  return secret;
}

export interface SubgraphConfig {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly databaseUrl: string | undefined;
  readonly poolSize: number;
  readonly subgraphSecret: string;
  readonly jwt: JwtConfig;
  readonly mode: ServiceMode;
  /** Where to reach the other subgraphs this one asks (by name), e.g. to check a reference exists. */
  readonly peerUrls: Readonly<Record<string, string>>;
  /** Where `GET /metrics` listens: apart from the port clients use. */
  readonly metrics: MetricsListen;
  /** How operations are executed (`SUBGRAPH_EXECUTOR`). */
  readonly executor: SubgraphExecutor;
}

/**
 * `compiled`: graphql-jit, each document compiled once (the default); `graphql-js`: graphql-js's
 * own `execute`, to rule the compiler out; `compare`: both for every query, an error where they
 * differ (the tests run so; it doubles the work of every query).
 */
export const SUBGRAPH_EXECUTORS = ['compiled', 'graphql-js', 'compare'] as const;
export type SubgraphExecutor = (typeof SUBGRAPH_EXECUTORS)[number];

/** `SUBGRAPH_EXECUTOR`, else `fallback`: what a subgraph ships with, or what the tests check with. */
export function loadSubgraphExecutor(env: Env, fallback: SubgraphExecutor = 'compiled'): SubgraphExecutor {
  return getEnvChoice(env, 'SUBGRAPH_EXECUTOR', SUBGRAPH_EXECUTORS, fallback);
}

export interface MetricsListen {
  readonly host: string;
  readonly port: number;
}

/** Metrics ports lie this far above a service's default port: the gateway's 4000 gives 9464 (Prometheus' usual port). */
export const METRICS_PORT_OFFSET = 5464;

/** `METRICS_HOST` (loopback by default: for a scraper on the same machine) and the port from `portVariable`. */
export function loadMetricsListen(env: Env, portVariable: string, defaultPort: number): MetricsListen {
  return { host: getEnvStr(env, 'METRICS_HOST', '127.0.0.1'), port: getEnvNum(env, portVariable, defaultPort) };
}

/** What a subgraph's server needs of its configuration: no host, port or database. */
export type SubgraphServerConfig = Pick<SubgraphConfig, 'name' | 'subgraphSecret' | 'jwt' | 'mode' | 'peerUrls' | 'executor'>;

/**
 * A subgraph's configuration: `<NAME>_PORT`, `<NAME>_DATABASE_URL` (else `DATABASE_URL`),
 * `SUBGRAPH_HOST` (loopback by default: only the gateway should reach a subgraph), `DB_POOL_SIZE`,
 * and `<PEER>_URL` for each subgraph it asks (`peers`: name → default port on this machine, which
 * `<PEER>_PORT` overrides as it does for the peer itself).
 */
export function loadSubgraphConfig(name: string, defaultPort: number, env: Env = process.env, peers: Readonly<Record<string, number>> = {}): SubgraphConfig {
  const prefix = envNameOf(name);
  const peerUrls: Record<string, string> = {};
  for (const [peer, port] of Object.entries(peers)) {
    const defaultUrl = `http://127.0.0.1:${getEnvNum(env, `${envNameOf(peer)}_PORT`, port)}/graphql`;
    peerUrls[peer] = new URL(getEnvStr(env, `${envNameOf(peer)}_URL`, defaultUrl)).toString();
  }
  return {
    name,
    host: getEnvStr(env, 'SUBGRAPH_HOST', '127.0.0.1'),
    port: getEnvNum(env, `${prefix}_PORT`, defaultPort),
    databaseUrl: databaseUrlFor(name, env),
    poolSize: getEnvNum(env, 'DB_POOL_SIZE', 5),
    subgraphSecret: loadSubgraphSecret(env),
    jwt: loadJwtConfig(env),
    mode: loadServiceMode(env),
    peerUrls,
    metrics: loadMetricsListen(env, `${prefix}_METRICS_PORT`, defaultPort + METRICS_PORT_OFFSET),
    executor: loadSubgraphExecutor(env),
  };
}

/** `<NAME>_DATABASE_URL` lets one team point its subgraph at a server of its own. */
export function databaseUrlFor(name: string, env: Env): string | undefined {
  return getEnvStr(env, `${envNameOf(name)}_DATABASE_URL`) ?? getEnvStr(env, 'DATABASE_URL');
}
