import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ERRORS } from '../errors';
import { wholeAnswerLost } from './wholeAnswerLost';

/**
 * A request whose whole answer is lost to SERVICE_UNAVAILABLE (and nothing else) is HTTP 503, so
 * a client, proxy or probe can tell "retry shortly" from a bug or a bad request without reading
 * the body. A partial answer stays 200, its errors saying which parts are missing.
 *
 * Listed before any plugin that reads the final status in `willSendResponse` (an access log).
 */
export function useServiceUnavailableStatus<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const errors = result.errors ?? [];
          if (errors.length === 0 || !errors.every((e) => e.extensions?.code === ERRORS.SERVICE_UNAVAILABLE.code)) return;
          if (wholeAnswerLost(result)) response.http.status = 503;
        },
      };
    },
  };
}
