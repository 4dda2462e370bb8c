import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { requestIdOf, type Caller, type Logger } from '@nsc-hub/shared';
import type { GatewayContext } from '../GatewayContext';

/** What GraphQL learnt about a request for its access-log line; empty for one refused before GraphQL. */
export interface AccessLogEntry {
  operationName?: string | null;
  errorCodes?: string[];
  role?: string;
}

/** Longer operation names are cut: the log is no place for whatever a client sends. */
const MAX_OPERATION_NAME = 100;
/** Bodies of answers given before GraphQL (errors only) are read for their codes up to this size. */
const MAX_ERROR_BODY = 64 * 1024;

/**
 * One line per request to `/graphql`, "request done", when its answer is sent: request id (the one
 * the client sees in `extensions.requestId`), operation name, HTTP status, duration, the error
 * codes the client got and the caller's role. Never the token, the query text, variables or
 * anything personal. An Express middleware, mounted first, so it also sees requests refused before
 * GraphQL (a method, malformed JSON, a body over the limit, a refused token); `useAccessLog` adds
 * what GraphQL knows.
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
      log.info(
        {
          requestId: requestIdOf(res),
          operationName: entry.operationName ?? operationNameOf(req.body) ?? operationNameOf(req.query) ?? null,
          status: res.statusCode,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
          errorCodes: entry.errorCodes ?? [],
          role: entry.role ?? null,
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        'request done',
      );
    });
    next();
  };
}

/** Notes the caller's role, the operation and the error codes of a request GraphQL handled. */
export function useAccessLog<TContext extends GatewayContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      contextValue.accessLog.role = roleOf(contextValue.caller);
      return {
        async willSendResponse({ response, contextValue: context, operationName }) {
          const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          context.accessLog.operationName = operationName ?? null;
          context.accessLog.errorCodes = codesOf(result.errors);
        },
      };
    },
  };
}

/** The caller's role for the log: never the token, its subject or its country. */
function roleOf(caller: Caller): string {
  return caller.kind === 'user' ? caller.role : 'anonymous';
}

function operationNameOf(params: unknown): string | undefined {
  const name = typeof params === 'object' && params !== null ? (params as { operationName?: unknown }).operationName : undefined;
  return typeof name === 'string' && name ? name.slice(0, MAX_OPERATION_NAME) : undefined;
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
