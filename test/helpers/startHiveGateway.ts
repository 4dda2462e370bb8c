import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError, Kind, type ExecutionResult } from 'graphql';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway';
import { DEFAULT_SUPERGRAPH_PATH } from '@nsc-hub/gateway';
import { ERRORS, SUBGRAPH_SECRET_HEADER, callerFromAuthorization } from '@nsc-hub/shared';
import { TEST_JWT, TEST_SUBGRAPH_SECRET } from '@nsc-hub/shared/src/testing';

export interface RunningHiveGateway {
  /** http://127.0.0.1:<port>/graphql */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Hive Gateway serving the committed supergraph file as it is, each subgraph at the URL given here
 * (name → URL), in this process on an ephemeral port. It sends each subgraph what the hub's gateway
 * sends (gateway/src/AuthenticatedDataSource.ts): the shared secret, the caller's own token (the
 * subgraphs check permissions themselves) and Accept-Language (the order of lists by name); Hive
 * forwards a request id (`x-request-id`) by itself. Idempotency keys, which only mutations use, are not.
 */
export async function startHiveGateway(subgraphUrls: Readonly<Record<string, string>>): Promise<RunningHiveGateway> {
  const gateway = createGatewayRuntime({
    supergraph: DEFAULT_SUPERGRAPH_PATH,
    // Where each subgraph runs now, in place of the URL written in the supergraph.
    transportEntries: Object.fromEntries(Object.entries(subgraphUrls).map(([name, location]) => [name, { location }])),
    logging: 'error',
    landingPage: false,
    graphiql: false,
    plugins: () => [useTokenCheckedAtTheEdge(), useBadUserInputForVariables()],
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({
        [SUBGRAPH_SECRET_HEADER]: TEST_SUBGRAPH_SECRET,
        authorization: request.headers.get('authorization'),
        'accept-language': request.headers.get('accept-language'),
      }),
    },
  });
  const server = createServer(gateway);
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await gateway.dispose();
    },
  };
}

/**
 * The hub's gateway refuses a token it cannot accept (forged, expired, bad claims) as a whole, HTTP
 * 401 UNAUTHENTICATED, before anything runs (shared/src/auth.ts). Hive forwards any token, and each
 * subgraph refuses it for its own fields: HTTP 200 with those fields null. So Hive checks it too,
 * with the hub's own rules and the test JWT settings; the subgraphs still check it themselves.
 */
function useTokenCheckedAtTheEdge(): GatewayPlugin {
  return {
    onRequestParse: async ({ request }) => {
      // Throws the catalogued error, with its HTTP status (extensions.http), which Hive answers with.
      await callerFromAuthorization(TEST_JWT, request.headers.get('authorization') ?? undefined);
    },
  };
}

/**
 * A variable its type refuses is `BAD_USER_INPUT` in the hub's catalogue (Apollo Server's code for
 * it too); Hive answers the same HTTP 400 but with no code, as graphql-js makes the error. Only those
 * errors get the code: graphql-js ties each to the variable's definition, and nothing has run.
 */
function useBadUserInputForVariables(): GatewayPlugin {
  return {
    onExecute: () => ({
      onExecuteDone: ({ result, setResult }) => {
        if (Symbol.asyncIterator in result || result.data !== undefined || !result.errors) return;
        setResult({ ...result, errors: result.errors.map(withVariableCode) } satisfies ExecutionResult);
      },
    }),
  };
}

function withVariableCode(error: GraphQLError): GraphQLError {
  if (error.nodes?.[0]?.kind !== Kind.VARIABLE_DEFINITION || error.extensions.code !== undefined) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    originalError: error.originalError,
    extensions: { ...error.extensions, code: ERRORS.BAD_USER_INPUT.code },
  });
}
