import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { LruCache } from '../LruCache';
import { queryCost } from '../queryCost';
import { limitExceeded } from '../requestLimits';

/** Estimates kept, by document and the variables that can change one (most recent last). */
const CACHE_SIZE = 1000;

/**
 * Refuses an operation whose estimated cost is over `maximum` before any subgraph is asked. Run
 * per request, not as a validation rule: the cost depends on the variables (`first: $n`), and
 * Apollo validates a document once and caches it. Only numbers (`first`) and booleans (`@include`,
 * `@skip`) among the variables change an estimate, so it is computed once per document and such
 * values; ids and search words vary freely without another estimate.
 */
export function useQueryCost<TContext extends BaseContext>(maximum: number): ApolloServerPlugin<TContext> {
  const estimates = new LruCache<string, number | undefined>(CACHE_SIZE);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, queryHash }) {
          const key = `${queryHash}:${request.operationName ?? ''}:${JSON.stringify(costVariables(request.variables))}`;
          const cost = estimates.get(key, () => queryCost(schema, document, request.operationName ?? undefined, request.variables));
          if (cost !== undefined && cost > maximum) {
            throw limitExceeded('COST', maximum, `The query's estimated cost is ${cost}, over the limit of ${maximum}: ask for smaller pages (first) or fewer nested lists`, { cost });
          }
        },
      };
    },
  };
}

/** The variables an estimate can depend on: numbers and booleans, by name. */
function costVariables(variables: Record<string, unknown> | undefined): [string, unknown][] {
  return Object.entries(variables ?? {}).filter(([, value]) => typeof value === 'number' || typeof value === 'boolean');
}
