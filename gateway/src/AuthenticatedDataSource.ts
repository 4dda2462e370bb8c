import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { REQUEST_ID_HEADER, SUBGRAPH_SECRET_HEADER } from '@nsc-hub/shared';
import type { GatewayContext } from './GatewayContext';

/**
 * Calls a subgraph with the shared secret (so it knows the gateway sent the request), the caller's
 * own bearer token (so it can check permissions itself) and the request id (so logs line up).
 */
export class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly secret: string,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    request.http?.headers.set(SUBGRAPH_SECRET_HEADER, this.secret);
    // Health checks and composition requests carry no client context.
    if (!context || !('requestId' in context)) return;
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}
