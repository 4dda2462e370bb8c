import type { ApolloServerPlugin } from '@apollo/server';
import { CHANGES_EXTENSION } from '../config';
import type { EntityChange } from '../db/audit';
import type { RequestContextBase } from './errorHandling';

/**
 * Tells the gateway what a request changed: the records `appendAudit` noted go into the answer's
 * `extensions.changedEntities`, and the gateway's response cache forgets every answer holding one
 * of them (and its lists of this subgraph). Errors do not stop the report: a request with two
 * mutations may have written the first before the second failed.
 */
export function useChangeReport<TContext extends RequestContextBase & { readonly changes: EntityChange[] }>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (!contextValue.changes.length || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, [CHANGES_EXTENSION]: contextValue.changes };
        },
      };
    },
  };
}
