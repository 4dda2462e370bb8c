import type { GraphQLSchema } from 'graphql';
import type { GatewayInterface, GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface';
import type { Execution } from './compiledExecution';

/**
 * Apollo Server's one way to run operations with something other than graphql-js's `execute`:
 * a "gateway" that holds a fixed schema and executes. Apollo still parses, validates, resolves the
 * operation, runs every plugin hook and formats errors; only execution itself is handed over.
 */
export function executionGateway(schema: GraphQLSchema, sdl: string, execution: Execution): GatewayInterface {
  const listeners = new Set<GatewaySchemaLoadOrUpdateCallback>();
  return {
    onSchemaLoadOrUpdate(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    async load() {
      for (const listener of listeners) listener({ apiSchema: schema, coreSupergraphSdl: sdl });
      return {
        executor: async (requestContext) =>
          execution({
            schema,
            document: requestContext.document,
            operationName: requestContext.operationName,
            variableValues: requestContext.request.variables,
            contextValue: requestContext.context,
          }),
      };
    },
    async stop() {
      listeners.clear();
    },
  };
}
