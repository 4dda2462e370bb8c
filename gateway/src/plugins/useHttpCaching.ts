import type { ApolloServerPlugin } from '@apollo/server';
import { NOT_CACHEABLE, type CachePolicies, type CachePolicy } from '../cachePolicy';
import type { GatewayContext } from '../GatewayContext';

/** What a cached answer may differ by: the explorer or JSON, the reader's order, the caller. */
export const VARY = 'Accept, Accept-Language, Authorization';

/**
 * Turns the schema's cache hints into HTTP caching. An anonymous query whose every field may be
 * kept is `Cache-Control: public, max-age=N` (N the smallest hint); anything a signed-in caller
 * gets, anything PRIVATE, any mutation and any answer with errors is `no-store` (`private` too
 * where it is someone's own). Express answers a repeated GET with a matching `If-None-Match`
 * with 304.
 */
export function useHttpCaching(policies: CachePolicies): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let policy: CachePolicy = NOT_CACHEABLE;
      return {
        async didResolveOperation({ schema, document, queryHash, request }) {
          policy = policies.policyFor(schema, document, queryHash, request.operationName);
        },
        async willSendResponse({ response, contextValue }) {
          const headers = response.http.headers;
          headers.set('vary', VARY);
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const signedIn = contextValue.caller.kind !== 'anonymous';
          if (signedIn || policy.scope === 'PRIVATE') headers.set('cache-control', 'private, no-store');
          else if (policy.maxAge > 0 && body && !body.errors?.length) headers.set('cache-control', `public, max-age=${policy.maxAge}`);
          else headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}
