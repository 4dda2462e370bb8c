import type { GraphQLFormattedError } from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from 'pino';
import { ERRORS, isCatalogued } from '../errors';
import type { ServiceMode } from '../config';

export interface RequestContextBase extends BaseContext {
  readonly requestId: string;
}

const MASKED_MESSAGE = 'Internal server error';

function isInternal(code: unknown): boolean {
  return !isCatalogued(code) || code === ERRORS.INTERNAL_SERVER_ERROR.code;
}

/**
 * Outside development an error that is not from the catalogue (a driver error, a bug) reaches the
 * client only as INTERNAL_SERVER_ERROR with a fixed message: no SQL, stack, host or port.
 */
export function createFormatError(mode: ServiceMode) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (mode.exposeInternals) return formatted;
    if (isInternal(code)) {
      return { message: MASKED_MESSAGE, extensions: { code: ERRORS.INTERNAL_SERVER_ERROR.code } };
    }
    const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  };
}

/**
 * Logs every internal error with its request id and stamps the request id on each error the client
 * receives, so a report from a client can be matched to the server log.
 */
export function useRequestErrors<TContext extends RequestContextBase>(log: Logger): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (isInternal(error.extensions?.code)) {
              log.error({ err: error.originalError ?? error, requestId: contextValue.requestId, operationName, path: error.path }, 'request failed');
            }
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => ({
            ...error,
            extensions: { ...error.extensions, requestId: contextValue.requestId },
          }));
        },
      };
    },
  };
}

/**
 * The Apollo Server settings every service of the hub shares: what a client may see depends on
 * the mode, and the process (not Apollo) decides when to stop.
 */
export function serverModeOptions(mode: ServiceMode) {
  return {
    introspection: !mode.production,
    // The process's own shutdown handler stops the server, in order with everything else.
    stopOnTerminationSignals: false,
    // No "Did you mean …" field suggestions that would spell out the schema.
    hideSchemaDetailsFromClientErrors: mode.production,
    includeStacktraceInErrorResponses: mode.exposeInternals,
    formatError: createFormatError(mode),
  };
}
