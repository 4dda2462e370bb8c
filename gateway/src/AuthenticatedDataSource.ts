import { GraphQLError } from 'graphql';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ERRORS, IDEMPOTENCY_FINGERPRINT_HEADER, IDEMPOTENCY_KEY_HEADER, REQUEST_ID_HEADER, SUBGRAPH_SECRET_HEADER, isCatalogued } from '@nsc-hub/shared';
import type { GatewayContext } from './GatewayContext';
import { isTimeout, type SubgraphFetcher } from './subgraphFetcher';
import type { SubgraphUnavailable } from './SubgraphUnavailable';

type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];
type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/**
 * Calls a subgraph with the shared secret (so it knows the gateway sent the request), the caller's
 * own bearer token (so it can check permissions itself) and the request id (so logs line up).
 */
export class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraphName: string,
    url: string,
    private readonly secret: string,
    private readonly timeoutMs: number,
    http: SubgraphFetcher,
    private readonly unavailable: SubgraphUnavailable,
  ) {
    super({ url, fetcher: http.fetcher });
  }

  /**
   * A subgraph that cannot be reached (refused, reset, DNS) is SUBGRAPH_UNAVAILABLE naming the
   * subgraph: the driver's message, with its host and port, stays in the gateway. So is one that
   * does not answer within the timeout. The errors carry the paths of the fields this subgraph
   * would have filled, so only those are null and the rest of the answer stands.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      const why = isTimeout(error) ? `did not answer within ${this.timeoutMs} ms` : 'is unavailable';
      return this.unavailable.responseFor(this.subgraphName, why, options);
    }
  }

  /**
   * A subgraph answers 4xx for a request it rejects as a whole (e.g. a variable its scalar refuses).
   * Its catalogued error reaches the client as it is; anything else becomes an internal error,
   * and the subgraph's URL and status never leave the gateway.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body = await this.parseBody(response).catch(() => undefined);
    const errors = typeof body === 'object' && body !== null && 'errors' in body && Array.isArray(body.errors) ? body.errors : [];
    const first = errors[0] as { message?: unknown; extensions?: { code?: unknown } } | undefined;
    const code = first?.extensions?.code;
    // The gateway has already accepted the caller's token: a 401 from a subgraph means the two are
    // configured differently (subgraph secret, JWT settings), which is not the caller's to fix.
    const passThrough = response.status !== 401 && isCatalogued(code) && code !== ERRORS.INTERNAL_SERVER_ERROR.code;
    if (typeof first?.message === 'string' && passThrough) {
      return new GraphQLError(first.message, { extensions: { code } });
    }
    return ERRORS.INTERNAL_SERVER_ERROR.err(`The ${this.subgraphName} subgraph answered HTTP ${response.status}`);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    request.http?.headers.set(SUBGRAPH_SECRET_HEADER, this.secret);
    // Health checks and composition requests carry no client context.
    if (!context || !('requestId' in context)) return;
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    if (context.idempotency) {
      request.http?.headers.set(IDEMPOTENCY_KEY_HEADER, context.idempotency.key);
      request.http?.headers.set(IDEMPOTENCY_FINGERPRINT_HEADER, context.idempotency.fingerprint);
    }
  }
}
