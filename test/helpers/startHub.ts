import pino, { type Logger } from 'pino';
import { createGateway, loadConfig, type GatewayConfig } from '@nsc-hub/gateway';
import type { ServiceMode, SubgraphModule } from '@nsc-hub/shared';
import {
  TEST_JWT,
  TEST_MODE,
  TEST_SUBGRAPH_SECRET,
  graphqlRequest,
  startSubgraph,
  type GraphQLResponse,
  type RunningSubgraph,
} from '@nsc-hub/shared/src/testing';
import { SUBGRAPHS } from '../../scripts/subgraphs';

export interface RunningHub {
  /** http://127.0.0.1:<port>/graphql of the gateway. */
  readonly url: string;
  /** http://127.0.0.1:<port> of the gateway, for /healthz and /readyz. */
  readonly origin: string;
  readonly subgraphs: Readonly<Record<string, RunningSubgraph>>;
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
    gatewaySubgraphSecret?: string;
    /** Gateway settings other than its defaults, e.g. lower request limits. */
    gateway?: Partial<Pick<GatewayConfig, 'limits' | 'subgraphTimeoutMs' | 'subgraphTimeoutsMs' | 'breaker' | 'readinessTimeoutMs' | 'corsOrigins'>>;
    /** Subgraphs the test runs itself (e.g. as a child process), by name: their GraphQL URLs. */
    externalSubgraphs?: Readonly<Record<string, string>>;
    /** The gateway's logger (silent by default), e.g. one writing to a stream the test reads. */
    gatewayLog?: Logger;
  } = {},
): Promise<RunningHub> {
  const mode = options.mode ?? TEST_MODE;
  const running: Record<string, RunningSubgraph> = {};
  try {
    // In start order, so a subgraph that asks others (forums asks membership and knowledge) learns their URLs.
    for (const module of options.subgraphs ?? SUBGRAPHS) {
      const peerUrls = Object.fromEntries(Object.keys(module.peers ?? {}).flatMap((peer) => (running[peer] ? [[peer, running[peer].url]] : [])));
      running[module.name] = await startSubgraph(module, { mode, peerUrls });
    }
  } catch (error) {
    await Promise.all(Object.values(running).map((s) => s.stop()));
    throw error;
  }
  const base = loadConfig({});
  const gateway = createGateway(
    {
      ...base,
      host: '127.0.0.1',
      port: 0,
      subgraphUrls: { ...Object.fromEntries(Object.values(running).map((s) => [s.name, s.url])), ...options.externalSubgraphs },
      subgraphSecret: options.gatewaySubgraphSecret ?? TEST_SUBGRAPH_SECRET,
      jwt: TEST_JWT,
      mode,
      ...options.gateway,
    },
    options.gatewayLog ?? pino({ level: 'silent' }),
  );
  const listening = await gateway.start();
  const url = `http://127.0.0.1:${listening.port}/graphql`;
  return {
    url,
    origin: `http://127.0.0.1:${listening.port}`,
    subgraphs: running,
    query: (query, variables, token) => graphqlRequest(url, query, { variables, token }),
    async stop() {
      await gateway.stop();
      await Promise.all(Object.values(running).map((s) => s.stop()));
    },
  };
}
