import type { GraphQLFormattedError } from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from 'pino';
import { ERRORS, isCatalogued } from '../errors';
import type { ServiceMode } from '../config';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '../db/isDatabaseUnavailable';
import type { DatabaseOutage } from '../db/DatabaseOutage';
import type { AccessLogEntry } from './useAccessLog';

export interface RequestContextBase extends BaseContext {
  readonly requestId: string;
  /** The service's logger with this request's id on every line (subgraphs set it). */
  readonly log?: Logger;
  /** What the request's access-log line will say, filled in as GraphQL learns it (`accessLogEntryOf`). */
  readonly accessLog?: AccessLogEntry;
}

const MASKED_MESSAGE = 'Internal server error';

function isInternal(code: unknown): boolean {
  return !isCatalogued(code) || code === ERRORS.INTERNAL_SERVER_ERROR.code;
}

export interface FormatErrorOptions {
  /**
   * A service with a database (a subgraph): an uncatalogued error that means the database could
   * not be reached is SERVICE_UNAVAILABLE, in every mode. The gateway has no database, and a
   * connection error there is something else.
   */
  readonly databaseOutages?: boolean;
}

/**
 * Outside development an error that is not from the catalogue (a driver error, a bug) reaches the
 * client only as INTERNAL_SERVER_ERROR with a fixed message: no SQL, stack, host or port.
 */
export function createFormatError(mode: ServiceMode, options: FormatErrorOptions = {}) {
  return (formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (options.databaseOutages && isInternal(code) && isDatabaseUnavailable(error)) {
      const { locations, path } = formatted;
      return { message: DATABASE_UNAVAILABLE_MESSAGE, ...(locations ? { locations } : {}), ...(path ? { path } : {}), extensions: { code: ERRORS.SERVICE_UNAVAILABLE.code } };
    }
    if (mode.exposeInternals) return formatted;
    if (isInternal(code)) {
      return { message: MASKED_MESSAGE, extensions: { code: ERRORS.INTERNAL_SERVER_ERROR.code } };
    }
    const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  };
}

/** The logger for lines about one request: the context's own, else one carrying its request id. */
export function requestLogger(log: Logger, context: RequestContextBase): Logger {
  return context.log ?? log.child({ requestId: context.requestId });
}

/**
 * Logs every internal error with its request id and stamps the request id on each error the client
 * receives, so a report from a client can be matched to the server log. With `outage` (a service
 * with a database), a failure to reach the database is not logged per error but counted there,
 * which logs the outage once.
 */
export function useRequestErrors<TContext extends RequestContextBase>(log: Logger, outage?: DatabaseOutage): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          const requestLog = requestLogger(log, contextValue);
          for (const error of errors) {
            const code = error.extensions?.code;
            if (outage && (code === ERRORS.SERVICE_UNAVAILABLE.code || (isInternal(code) && isDatabaseUnavailable(error)))) {
              outage.failed(error.originalError ?? error, { object: contextValue, log: requestLog });
            } else if (isInternal(code)) {
              requestLog.error({ err: error.originalError ?? error, operationName, path: error.path }, 'request failed');
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
export function serverModeOptions(mode: ServiceMode, formatErrorOptions: FormatErrorOptions = {}) {
  return {
    introspection: !mode.production,
    // The process's own shutdown handler stops the server, in order with everything else.
    stopOnTerminationSignals: false,
    // No "Did you mean …" field suggestions that would spell out the schema.
    hideSchemaDetailsFromClientErrors: mode.production,
    includeStacktraceInErrorResponses: mode.exposeInternals,
    formatError: createFormatError(mode, formatErrorOptions),
  };
}
