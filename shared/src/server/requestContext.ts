import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { callerFromAuthorization, type Caller, type JwtConfig } from '../auth';
import { ERRORS } from '../errors';

/** The request id a trusted upstream (the gateway) sent, or a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID();
}

/**
 * The caller of a request. A refused token fails the whole request before any resolver runs; its
 * error carries the request id like every other error, so it can be found in the log.
 */
export async function callerForRequest(jwt: JwtConfig, authorization: string | undefined, requestId: string, log: Logger): Promise<Caller> {
  try {
    return await callerFromAuthorization(jwt, authorization);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    log.info({ requestId, reason: error.message }, 'token refused');
    throw new GraphQLError(error.message, { extensions: { ...error.extensions, requestId } });
  }
}

/**
 * Failures before GraphQL sees the request (malformed JSON, a body over the size limit) answered
 * as GraphQL errors with a catalogued code, instead of Express's HTML page with a stack trace.
 */
export function jsonErrorHandler(log: Logger): ErrorRequestHandler {
  return (error: { status?: unknown; type?: unknown }, _req, res, next) => {
    if (res.headersSent) return next(error);
    const requestId = randomUUID();
    const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) log.error({ err: error, requestId }, 'request failed before GraphQL');
    const [code, message] =
      status === 500
        ? [ERRORS.INTERNAL_SERVER_ERROR.code, 'Internal server error']
        : status === 413
          ? [ERRORS.BAD_REQUEST.code, 'The request body is too large']
          : [ERRORS.BAD_REQUEST.code, 'The request body is not valid JSON'];
    res.status(status).json({ errors: [{ message, extensions: { code, requestId } }] });
  };
}
