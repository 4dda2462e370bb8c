import { BREAK, visit, type DocumentNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { ERRORS } from '@nsc-hub/shared';
import type { GatewayContext } from '../GatewayContext';

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/** Whether the document asks for the schema (`__schema`, `__type`; `__typename` is data). */
export function asksForTheSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (!INTROSPECTION_FIELDS.has(node.name.value)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * In production the schema is shown to signed-in callers (members, editors, admins: the
 * explorer's documentation and completion need it) and to nobody else: an anonymous request for
 * it fails validation, as it would with introspection off, before any subgraph is asked.
 */
export function useSignedInIntrospection(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (contextValue.caller.kind !== 'anonymous' || !asksForTheSchema(document)) return;
          throw ERRORS.GRAPHQL_VALIDATION_FAILED.err('Introspection is for signed-in callers: send a token (Authorization: Bearer …) to see the schema', {
            http: { status: 400 },
          });
        },
      };
    },
  };
}
