import { graphqlRequest, type GraphQLResponse } from './graphqlRequest';
import type { RunningSubgraph } from './startSubgraph';
import { TEST_SUBGRAPH_SECRET } from './tokens';

/** Sends one operation to a running subgraph as the gateway would (with its secret), signed in with `token` if given. */
export function askSubgraph(subgraph: RunningSubgraph, query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse> {
  return graphqlRequest(subgraph.url, query, { variables, token, subgraphSecret: TEST_SUBGRAPH_SECRET });
}
