import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestSelection } from './RequestSelection';

/**
 * Tells the request's loaders what a query selects (`RequestSelection`), once Apollo has parsed it
 * and picked its operation, so they read only the columns its fields need. Mutations are left
 * unknown: their loaders read whole rows.
 */
export function useSelectedFields<TContext extends { readonly selection: RequestSelection }>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, contextValue }) {
          if (operation?.operation === 'query') contextValue.selection.use(schema, document);
        },
      };
    },
  };
}
