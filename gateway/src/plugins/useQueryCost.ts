import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { queryCost } from '../queryCost';
import { limitExceeded } from '../requestLimits';

/**
 * Refuses an operation whose estimated cost is over `maximum` before any subgraph is asked. Run
 * per request, not as a validation rule: the cost depends on the variables (`first: $n`), and
 * Apollo validates a document once and caches it.
 */
export function useQueryCost<TContext extends BaseContext>(maximum: number): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          const cost = queryCost(schema, document, request.operationName ?? undefined, request.variables);
          if (cost !== undefined && cost > maximum) {
            throw limitExceeded('COST', maximum, `The query's estimated cost is ${cost}, over the limit of ${maximum}: ask for smaller pages (first) or fewer nested lists`, { cost });
          }
        },
      };
    },
  };
}
