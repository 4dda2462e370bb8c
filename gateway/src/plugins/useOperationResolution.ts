import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import { ERRORS } from '@nsc-hub/shared';
import type { GatewayContext } from '../GatewayContext';

/**
 * A request whose document holds no operation to run (several and none named, or a name it does not
 * hold) is the client's mistake: 400 OPERATION_RESOLUTION_FAILURE, as a subgraph answers it.
 * Without this, Apollo Server hands the gateway a request with no operation, the gateway throws, and
 * the client gets a 500 INTERNAL_SERVER_ERROR instead.
 */
export function useOperationResolution(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (operation) return;
          const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
          const message = request.operationName
            ? `Unknown operation named "${request.operationName}".`
            : operations > 1
              ? 'Must provide operation name if query contains multiple operations.'
              : 'Must provide an operation.';
          throw ERRORS.OPERATION_RESOLUTION_FAILURE.err(message, { http: { status: 400 } });
        },
      };
    },
  };
}
