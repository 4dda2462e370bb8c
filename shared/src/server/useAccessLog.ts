import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler, Response } from 'express';
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import type { Caller } from '../auth';
import type { RequestContextBase } from './errorHandling';
import { requestIdOf } from './requestContext';
import { wholeAnswerLost } from './wholeAnswerLost';

/** `ok`: no errors; `partial`: some data with errors; `failed`: nothing of the answer is left. */
export type AccessLogOutcome = 'ok' | 'partial' | 'failed';

/** What GraphQL learnt about a request for its access-log line; empty for one refused before GraphQL. */
export interface AccessLogEntry {
  operationName?: string | null;
  errorCodes?: string[];
  outcome?: AccessLogOutcome;
  role?: string;
  /** The gateway's response cache: `hit` answered from it, `miss` could have been and was kept. */
  cache?: 'hit' | 'miss';
}

/** Longer operation names are cut: the log is no place for whatever a client sends. */
const MAX_OPERATION_NAME = 100;
/** Bodies of answers given before GraphQL (errors only) are read for their codes up to this size. */
const MAX_ERROR_BODY = 64 * 1024;

/**
 * One line per request to `/graphql`, "request done", when its answer is sent or the client went
 * away (`aborted`): request id (the one the client sees in `extensions.requestId`; in a subgraph,
 * the gateway's), operation name, HTTP status, outcome, duration, the error codes the client got
 * and the caller's role. Never the token, a secret, the query text, variables or anything
 * personal. Mounted after `assignRequestId` and before anything that can answer, so it also sees
 * requests refused before GraphQL (a method, a wrong subgraph secret, malformed JSON, a body over
 * the limit, a refused token); `useAccessLog` adds what GraphQL knows.
 */
export function accessLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const entry: AccessLogEntry = {};
    res.locals.accessLog = entry;
    // Answers given before GraphQL are small JSON errors; GraphQL's own codes come from the plugin.
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      entry.errorCodes ??= errorCodesIn(body);
      return send(body);
    };
    res.once('close', () => {
      const errorCodes = entry.errorCodes ?? [];
      log.info(
        {
          requestId: requestIdOf(res),
          operationName: entry.operationName ?? operationNameOf(req.body) ?? operationNameOf(req.query) ?? null,
          status: res.statusCode,
          outcome: entry.outcome ?? (res.statusCode < 400 && errorCodes.length === 0 ? 'ok' : 'failed'),
          durationMs: Math.round((performance.now() - started) * 10) / 10,
          errorCodes,
          role: entry.role ?? null,
          ...(entry.cache ? { cache: entry.cache } : {}),
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        'request done',
      );
    });
    next();
  };
}

/** The entry `accessLog` keeps for the request, for its GraphQL context; a loose one where it is not mounted. */
export function accessLogEntryOf(res: Response): AccessLogEntry {
  const entry: unknown = res.locals.accessLog;
  return typeof entry === 'object' && entry !== null ? (entry as AccessLogEntry) : {};
}

/**
 * Notes the caller's role, the operation, the error codes and the outcome of a request GraphQL
 * handled, for the line `accessLog` writes. Listed last, so it sees the errors as the client gets
 * them.
 */
export function useAccessLog<TContext extends RequestContextBase & { readonly caller: Caller }>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const entry = contextValue.accessLog;
      if (!entry) return;
      entry.role = roleOf(contextValue.caller);
      return {
        async willSendResponse({ response, operationName, request }) {
          const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          entry.operationName = nameOf(operationName) ?? nameOf(request.operationName) ?? null;
          entry.errorCodes = codesOf(result.errors);
          entry.outcome = outcomeOf(result);
        },
      };
    },
  };
}

/** The caller's role for the log: never the token, its subject or its country. */
function roleOf(caller: Caller): string {
  return caller.kind === 'user' ? caller.role : 'anonymous';
}

function outcomeOf(result: FormattedExecutionResult): AccessLogOutcome {
  if (!result.errors?.length) return 'ok';
  return wholeAnswerLost(result) ? 'failed' : 'partial';
}

function nameOf(name: unknown): string | undefined {
  return typeof name === 'string' && name ? name.slice(0, MAX_OPERATION_NAME) : undefined;
}

function operationNameOf(params: unknown): string | undefined {
  return nameOf(typeof params === 'object' && params !== null ? (params as { operationName?: unknown }).operationName : undefined);
}

function codesOf(errors: readonly GraphQLFormattedError[] | undefined): string[] {
  return [...new Set((errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN')))];
}

function errorCodesIn(body: unknown): string[] | undefined {
  let parsed = body;
  if (typeof body === 'string') {
    if (body.length > MAX_ERROR_BODY) return undefined;
    try {
      parsed = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  const errors = typeof parsed === 'object' && parsed !== null ? (parsed as { errors?: unknown }).errors : undefined;
  return Array.isArray(errors) ? codesOf(errors as GraphQLFormattedError[]) : undefined;
}
