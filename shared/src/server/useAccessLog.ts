import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import type { Caller } from '../auth';
import { requestLogger, type RequestContextBase } from './errorHandling';
import { wholeAnswerLost } from './wholeAnswerLost';

/** The caller's role for the log: never the token, its subject or anything personal. */
function roleOf(caller: Caller): string {
  return caller.kind === 'user' ? caller.role : 'anonymous';
}

/**
 * One line per request, "request done": request id, operation name, HTTP status, outcome (`ok`,
 * `partial` or `failed`), duration, the error codes the client got and the caller's role. No
 * query text, variables, token or personal data. A client's `extensions.requestId` finds it, also
 * for errors that are the client's (BAD_USER_INPUT), which log nothing else.
 *
 * Listed last, so it sees the status the other plugins set.
 */
export function useAccessLog<TContext extends RequestContextBase & { readonly caller: Caller }>(log: Logger): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ response, contextValue, operationName, request }) {
          const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          const errorCodes = [...new Set((result.errors ?? []).map((e) => String(e.extensions?.code)))];
          const outcome = errorCodes.length === 0 ? 'ok' : wholeAnswerLost(result) ? 'failed' : 'partial';
          requestLogger(log, contextValue).info(
            {
              operationName: operationName ?? request.operationName ?? null,
              status: response.http.status ?? 200,
              outcome,
              durationMs: Math.round(performance.now() - started),
              errorCodes,
              role: roleOf(contextValue.caller),
            },
            'request done',
          );
        },
      };
    },
  };
}
