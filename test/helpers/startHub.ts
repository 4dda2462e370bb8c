import pino, { type Logger } from 'pino';
import { createGateway, loadConfig, type Gateway, type GatewayConfig } from '@nsc-hub/gateway';
import type { ServiceMode, SubgraphExecutor, SubgraphModule } from '@nsc-hub/shared';
import {
  TEST_JWT,
  TEST_MODE,
  TEST_SUBGRAPH_SECRET,
  graphqlRequest,
  startSubgraph,
  type GraphQLResponse,
  type RunningSubgraph,
  type TestDatabase,
} from '@nsc-hub/shared/src/testing';
import { SUBGRAPHS } from '../../scripts/subgraphs';

export interface RunningHub {
  /** http://127.0.0.1:<port>/graphql of the gateway. */
  readonly url: string;
  /** http://127.0.0.1:<port> of the gateway, for /healthz and /readyz. */
  readonly origin: string;
  readonly subgraphs: Readonly<Record<string, RunningSubgraph>>;
  /** The gateway itself, e.g. for its metrics. */
  readonly gateway: Gateway;
  query<TData = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<TData>>;
  stop(): Promise<void>;
}

/**
 * The whole hub as a client meets it: every subgraph on its own fresh database and ephemeral port,
 * and the real gateway serving the committed supergraph.graphql on another.
 */
export async function startHub(
  options: {
    mode?: ServiceMode;
    subgraphs?: readonly SubgraphModule[];
    /** Subgraphs this helper does not start (e.g. a real child process a test kills): name → URL, for the gateway. */
    externalSubgraphs?: Readonly<Record<string, string>>;
    gatewaySubgraphSecret?: string;
    /** Gateway settings other than its defaults, e.g. lower request limits. */
    gateway?: Partial<Pick<GatewayConfig, 'limits' | 'subgraphTimeoutMs' | 'subgraphTimeoutsMs' | 'breaker' | 'readinessTimeoutMs' | 'corsOrigins' | 'explorerDir' | 'persistedOperations' | 'responseCache'>>;
    /** One database for every subgraph (each keeps to its own schema, as under `npm start`), kept on stop; else a fresh one each. */
    database?: TestDatabase;
    /** The supergraph file the gateway serves and watches (e.g. a temporary copy a test rewrites); else the committed one. */
    supergraphPath?: string;
    /** How every subgraph executes operations: `TEST_EXECUTOR` (compiled and graphql-js, compared) unless said. */
    executor?: SubgraphExecutor;
    /** The logger of each service (`gateway` or a subgraph's name), e.g. to read its lines; silent by default. */
    log?: (service: string) => Logger;
  } = {},
): Promise<RunningHub> {
  const mode = options.mode ?? TEST_MODE;
  const running: Record<string, RunningSubgraph> = {};
  try {
    // In start order, so a subgraph that asks others (forums asks membership and knowledge) learns their URLs.
    for (const module of options.subgraphs ?? SUBGRAPHS) {
      const peerUrls = Object.fromEntries(Object.keys(module.peers ?? {}).flatMap((peer) => (running[peer] ? [[peer, running[peer].url]] : [])));
      running[module.name] = await startSubgraph(module, { mode, peerUrls, database: options.database, executor: options.executor, log: options.log?.(module.name) });
    }
  } catch (error) {
    await Promise.all(Object.values(running).map((s) => s.stop()));
    throw error;
  }
  const base = loadConfig(options.supergraphPath ? { SUPERGRAPH_PATH: options.supergraphPath } : {});
  const gateway = createGateway(
    {
      ...base,
      host: '127.0.0.1',
      port: 0,
      subgraphUrls: { ...options.externalSubgraphs, ...Object.fromEntries(Object.values(running).map((s) => [s.name, s.url])) },
      subgraphSecret: options.gatewaySubgraphSecret ?? TEST_SUBGRAPH_SECRET,
      jwt: TEST_JWT,
      mode,
      ...options.gateway,
    },
    options.log?.('gateway') ?? pino({ level: 'silent' }),
  );
  const listening = await gateway.start();
  const url = `http://127.0.0.1:${listening.port}/graphql`;
  return {
    url,
    origin: `http://127.0.0.1:${listening.port}`,
    subgraphs: running,
    gateway,
    query: (query, variables, token) => graphqlRequest(url, query, { variables, token }),
    async stop() {
      await gateway.stop();
      await Promise.all(Object.values(running).map((s) => s.stop()));
    },
  };
}
