import { getOperationAST, print, type ExecutionArgs, type ExecutionResult, type GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { withoutCounting } from '../db/QueryCounter';
import { ERRORS, isCatalogued } from '../errors';
import { isDatabaseUnavailable } from '../db/isDatabaseUnavailable';
import type { Execution } from './compiledExecution';

export interface ComparedExecutionOptions {
  /** What the client gets. */
  readonly answer: Execution;
  /** What it must equal. */
  readonly reference: Execution;
  readonly log: Logger;
}

/**
 * Where a request's context keeps how to build another like it, for the reference run: fresh
 * loaders, so nothing is answered from the first run's caches. A symbol, since Apollo Server hands
 * execution a copy of the context object (own symbol properties are copied with the rest).
 */
export const FRESH_CONTEXT = Symbol('a fresh context for the same request');

function freshContextFor(contextValue: unknown): Promise<unknown> {
  const build = (contextValue as { [FRESH_CONTEXT]?: () => Promise<unknown> } | undefined)?.[FRESH_CONTEXT];
  if (!build) throw new Error('The request context cannot be built again for the reference execution');
  return build();
}

/**
 * What a client can tell apart in an error. A catalogued error (a code the resolvers chose) must
 * match in full; an unexpected failure (a thrown exception, graphql-js's own complaints) only in
 * where it happened and whether the database was unreachable: its text is about the moment (which
 * connection failed how), not about how the query was executed.
 */
function comparableError(error: GraphQLError): string {
  const code = error.extensions?.code;
  const internal = !isCatalogued(code) || code === ERRORS.INTERNAL_SERVER_ERROR.code;
  return JSON.stringify(
    internal
      ? { path: error.path, locations: error.locations, failure: isDatabaseUnavailable(error) ? 'database unavailable' : 'internal' }
      : { message: error.message, path: error.path, locations: error.locations, extensions: error.extensions },
  );
}

/** The parts of an answer a client sees, errors in a stable order (concurrent resolvers fail in any order). */
function comparable(result: ExecutionResult): string {
  return JSON.stringify({ hasData: 'data' in result, data: result.data, errors: (result.errors ?? []).map(comparableError).sort() });
}

/**
 * Runs every query through `answer`, then again through `reference` with a fresh context, and
 * answers INTERNAL_SERVER_ERROR (logging both results) when the two differ in data, in errors or
 * in either's order of fields. The second run's SQL is not counted, so tests that count a request's
 * statements count the same as without the check. Mutations run once, through `answer` only: a
 * second run would write twice.
 */
export function comparedExecution(options: ComparedExecutionOptions): Execution {
  return async (args: ExecutionArgs) => {
    const answered = await options.answer(args);
    if (getOperationAST(args.document, args.operationName)?.operation !== 'query') return answered;
    const contextValue = await freshContextFor(args.contextValue);
    const expected = await withoutCounting(async () => options.reference({ ...args, contextValue }));
    const got = comparable(answered);
    const wanted = comparable(expected);
    if (got === wanted) return answered;
    options.log.error(
      { query: print(args.document), variables: args.variableValues, operationName: args.operationName, answered: JSON.parse(got), reference: JSON.parse(wanted) },
      'the executors answered differently',
    );
    return { errors: [ERRORS.INTERNAL_SERVER_ERROR.err('The compiled executor and graphql-js answered this query differently')] };
  };
}
