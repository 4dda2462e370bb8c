import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { callerFromAuthorization, type Caller, type JwtConfig } from '../auth';
import { REQUEST_ID_HEADER } from '../config';
import { ERRORS } from '../errors';

/** The request id a trusted upstream (the gateway) sent, or a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID();
}

/**
 * Gives the HTTP request its id before anything can answer it, so every answer (a GraphQL error,
 * a refused method, malformed JSON) and every log line of the request carry the same one. The
 * `x-request-id` response header shows it for answers without errors too.
 *
 * `fromTrustedUpstream` says whether the request comes from the gateway (a subgraph checks its
 * secret): then the id is the gateway's, so one id leads through every service's log. Anyone else
 * gets a new one, so a caller that is not the gateway cannot put its own ids in the log.
 */
export function assignRequestId(fromTrustedUpstream?: (req: Request) => boolean): RequestHandler {
  return (req, res, next) => {
    const requestId = fromTrustedUpstream?.(req) ? requestIdFrom(req.headers[REQUEST_ID_HEADER]) : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    next();
  };
}

/**
 * Every error answer carries the request id, also those Apollo Server writes before any plugin
 * runs (a CSRF refusal, a batch, an empty body, a mutation by GET): an answer of 400 or more whose
 * JSON errors lack `extensions.requestId` gets it on its way out. Answers under 400 are left
 * alone (the plugins stamp those), so no successful answer is parsed twice.
 */
export function requestIdOnEveryError(): RequestHandler {
  return (_req, res, next) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (res.statusCode >= 400 && typeof body === 'string' && /json/.test(String(res.get('content-type'))) && body.includes('"errors"')) {
        try {
          const parsed = JSON.parse(body) as { errors?: { extensions?: Record<string, unknown> }[] };
          if (Array.isArray(parsed.errors) && parsed.errors.some((error) => !error.extensions?.requestId)) {
            const requestId = requestIdOf(res);
            parsed.errors = parsed.errors.map((error) => ({ ...error, extensions: { ...error.extensions, requestId: error.extensions?.requestId ?? requestId } }));
            return send(JSON.stringify(parsed));
          }
        } catch {
          // Not JSON after all: sent as it is.
        }
      }
      return send(body);
    };
    next();
  };
}

/** The id `assignRequestId` gave the request, or a new one where nothing assigns ids. */
export function requestIdOf(res: Response): string {
  const id: unknown = res.locals.requestId;
  return typeof id === 'string' ? id : randomUUID();
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
 * A body over the limit is HTTP 400 QUERY_TOO_COMPLEX naming the limit, like every other request
 * limit.
 */
export function jsonErrorHandler(log: Logger): ErrorRequestHandler {
  return (error: { status?: unknown; type?: unknown; limit?: unknown }, _req, res, next) => {
    if (res.headersSent) return next(error);
    const requestId = requestIdOf(res);
    const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) {
      log.error({ err: error, requestId }, 'request failed before GraphQL');
      res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: ERRORS.INTERNAL_SERVER_ERROR.code, requestId } }] });
      return;
    }
    if (status === 415) {
      res.status(415).json({ errors: [{ message: 'The request body must be JSON in UTF-8, without a content encoding', extensions: { code: ERRORS.BAD_REQUEST.code, requestId } }] });
      return;
    }
    if (error.type === 'entity.too.large' && typeof error.limit === 'number') {
      const message = `The request body is larger than ${error.limit} bytes`;
      res.status(400).json({ errors: [{ message, extensions: { code: ERRORS.QUERY_TOO_COMPLEX.code, limit: 'BODY_SIZE', maximum: error.limit, requestId } }] });
      return;
    }
    res.status(status).json({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: ERRORS.BAD_REQUEST.code, requestId } }] });
  };
}

/**
 * GraphQL over HTTP is GET (queries only) and POST: any other method is 405 with an Allow header,
 * before CSRF checks or body parsing could answer something vaguer.
 */
export function onlyGetAndPost(): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'POST') return next();
    res
      .status(405)
      .set('allow', 'GET, POST')
      .json({ errors: [{ message: `${req.method} is not supported: send queries by GET or POST and mutations by POST`, extensions: { code: ERRORS.BAD_REQUEST.code, requestId: requestIdOf(res) } }] });
  };
}
