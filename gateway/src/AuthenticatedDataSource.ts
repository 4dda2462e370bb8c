import { GraphQLError, getOperationAST } from 'graphql';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ERRORS, IDEMPOTENCY_FINGERPRINT_HEADER, IDEMPOTENCY_KEY_HEADER, REQUEST_ID_HEADER, SUBGRAPH_SECRET_HEADER, isCatalogued } from '@nsc-hub/shared';
import type { CircuitBreaker } from './CircuitBreaker';
import type { GatewayMetrics } from './GatewayMetrics';
import type { SubgraphTimeouts } from './config';
import type { GatewayContext } from './GatewayContext';
import { isRefusedBeforeSending, isTimeout, type SubgraphFetcher } from './subgraphFetcher';
import type { SubgraphUnavailable } from './SubgraphUnavailable';
import { UniqueRepresentations } from './UniqueRepresentations';

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
    private readonly timeouts: SubgraphTimeouts,
    private readonly http: SubgraphFetcher,
    private readonly breaker: CircuitBreaker,
    private readonly unavailable: SubgraphUnavailable,
    private readonly metrics?: GatewayMetrics,
  ) {
    super({ url, fetcher: http.fetcher });
  }

  /**
   * A subgraph that cannot be reached (refused, reset, DNS) is SUBGRAPH_UNAVAILABLE naming the
   * subgraph: the driver's message, with its host and port, stays in the gateway. So is one that
   * does not answer within its timeout, and, at once, one whose breaker is open. The errors carry
   * the paths of the fields this subgraph would have filled, so only those are null and the rest of
   * the answer stands.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    const permit = this.breaker.tryAcquire();
    if (!permit) {
      this.metrics?.subgraphFetch(this.subgraphName, 0, { answered: false, failure: 'breaker_open' });
      return this.reportUnavailable(options, 'is failing; failing fast without asking it');
    }
    const mutation = isMutation(options);
    const timeoutMs = mutation ? this.timeouts.mutationMs : this.timeouts.queryMs;
    const changes = options.context && 'changes' in options.context ? options.context.changes : undefined;
    try {
      const response = await this.http.withTimeout(timeoutMs, () => this.send(options, mutation));
      this.breaker.succeeded(permit);
      changes?.record(this.subgraphName, response.extensions);
      this.metrics?.subgraphFetch(this.subgraphName, seconds(), { answered: true, errors: !!response.errors?.length });
      return response;
    } catch (error) {
      const answered = error instanceof GraphQLError && !failedSubgraphs.has(error);
      this.metrics?.subgraphFetch(
        this.subgraphName,
        seconds(),
        answered ? { answered: true, errors: true } : { answered: false, failure: error instanceof GraphQLError ? 'http_error' : isTimeout(error) ? 'timeout' : 'unreachable' },
      );
      // Cut off, or failing without a GraphQL answer: a write may still have been made.
      if (mutation && !answered && !isRefusedBeforeSending(error)) changes?.lost(this.subgraphName);
      // A subgraph that answered, even with an error (BAD_USER_INPUT, FORBIDDEN …), is working.
      if (answered) this.breaker.succeeded(permit);
      else this.breaker.failed(permit);
      if (error instanceof GraphQLError) return this.unavailable.failedWith(error, options);
      return this.reportUnavailable(options, isTimeout(error) ? `did not answer within ${timeoutMs} ms` : 'is unavailable');
    }
  }

  private async send(options: GraphQLDataSourceProcessOptions<GatewayContext>, mutation: boolean): Promise<GatewayGraphQLResponse> {
    const unique = UniqueRepresentations.of(options.request.variables?.representations);
    const sent = unique ? { ...options, request: { ...options.request, variables: { ...options.request.variables, representations: unique.list } } } : options;
    let response: GatewayGraphQLResponse;
    try {
      response = await super.process(sent);
    } catch (error) {
      // Once, for queries only: a refused connection (a subgraph between two processes, one of
      // several instances going away) often succeeds at once on a new one. Never a mutation: were
      // the refusal misread and the request had reached the subgraph, it would write twice.
      if (mutation || !isRefusedBeforeSending(error)) throw error;
      response = await super.process(sent);
    }
    return unique ? unique.expand(response) : response;
  }

  /** `why` completes "The <name> subgraph …"; the errors go on the paths this fetch would have filled. */
  private reportUnavailable(options: GraphQLDataSourceProcessOptions<GatewayContext>, why: string): GatewayGraphQLResponse {
    return this.unavailable.responseFor(this.subgraphName, why, options);
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
    const error = ERRORS.INTERNAL_SERVER_ERROR.err(`The ${this.subgraphName} subgraph answered HTTP ${response.status}`);
    // A 5xx is a subgraph (or a proxy in front of it) failing, and counts towards its breaker.
    if (response.status >= 500) failedSubgraphs.add(error);
    return error;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    request.http?.headers.set(SUBGRAPH_SECRET_HEADER, this.secret);
    // Health checks and composition requests carry no client context.
    if (!context || !('requestId' in context)) return;
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    if (context.acceptLanguage) request.http?.headers.set('accept-language', context.acceptLanguage);
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    if (context.idempotency) {
      request.http?.headers.set(IDEMPOTENCY_KEY_HEADER, context.idempotency.key);
      request.http?.headers.set(IDEMPOTENCY_FINGERPRINT_HEADER, context.idempotency.fingerprint);
    }
  }
}

/** Errors made of a subgraph's HTTP 5xx answers: failures for its breaker, unlike its other errors. */
const failedSubgraphs = new WeakSet<GraphQLError>();

/**
 * Whether the subgraph request is a mutation. The query planner gives the document only when asked
 * to keep it in its plans; otherwise its printed operation starts with its keyword (a query may
 * start with `{`).
 */
function isMutation({ request, ...options }: GraphQLDataSourceProcessOptions<GatewayContext>): boolean {
  const document = 'document' in options ? options.document : undefined;
  if (document) return getOperationAST(document, request.operationName)?.operation === 'mutation';
  return /^\s*mutation\b/.test(request.query ?? '');
}
