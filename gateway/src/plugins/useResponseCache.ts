import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { CachePolicies } from '../cachePolicy';
import type { GatewayContext } from '../GatewayContext';
import type { ResponseCache } from '../responseCache/ResponseCache';

/** `HIT` when the answer came from the response cache, `MISS` when it could have and did not. */
export const CACHE_STATUS_HEADER = 'x-cache';

/**
 * Answers a query the cache holds without asking any subgraph, keeps the answer to one it does
 * not (when its policy lets it be kept, PUBLIC, and it has no errors: an outage's partial answer
 * is never served again), and after any request during which a subgraph wrote, forgets what the
 * write made stale before the answer goes out, so the writer's next read sees the write.
 */
export function useResponseCache(cache: ResponseCache, policies: CachePolicies): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      let miss: { key: string; invalidations: number; maxAge: number } | undefined;
      return {
        async responseForOperation({ operation, schema, document, queryHash, request }) {
          if (operation.operation !== 'query' || !queryHash) return null;
          const policy = policies.policyFor(schema, document, queryHash, request.operationName);
          if (policy.maxAge <= 0 || policy.scope === 'PRIVATE') return null;
          const key = cache.keyOf({ queryHash, operationName: request.operationName, variables: request.variables, caller: contextValue.caller, acceptLanguage: contextValue.acceptLanguage });
          const lookup = await cache.lookup(key);
          if (!lookup) return null;
          if (!lookup.found) {
            miss = { key, invalidations: lookup.invalidations, maxAge: policy.maxAge };
            return null;
          }
          const age = Math.max(0, Math.floor((Date.now() - lookup.found.storedAt) / 1000));
          contextValue.accessLog.cache = 'hit';
          return {
            http: { status: undefined, headers: new HeaderMap([[CACHE_STATUS_HEADER, 'HIT'], ['age', String(age)]]) },
            body: { kind: 'single', singleResult: { data: lookup.found.data } },
          };
        },
        async willSendResponse({ response, document, operation }) {
          if (contextValue.changes.any) await cache.forget(contextValue.changes);
          if (!miss) return;
          contextValue.accessLog.cache = 'miss';
          response.http.headers.set(CACHE_STATUS_HEADER, 'MISS');
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          if (result?.data && !result.errors?.length && document && operation) {
            await cache.keep(miss.key, document, operation, result.data, miss.maxAge, miss.invalidations);
          }
        },
      };
    },
  };
}
