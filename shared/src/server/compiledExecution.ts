import { isPromise } from 'node:util/types';
import { execute, GraphQLError, type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { PromiseOrValue } from 'graphql/jsutils/PromiseOrValue';

/** Runs one operation of a document: graphql-js's `execute`, or what stands in for it. */
export type Execution = (args: ExecutionArgs) => PromiseOrValue<ExecutionResult>;

/** graphql-js itself, the reference every other execution is compared with. */
export const graphqlJsExecution: Execution = execute;

/**
 * graphql-jit's errors are its own kind, without what Apollo Server counts on from graphql-js's: an
 * error with no extensions has `extensions` undefined (graphql-js gives an empty object), and
 * Apollo reads `extensions.code` of each, so formatting one failed and the client got an internal
 * error instead of, say, SERVICE_UNAVAILABLE. Each becomes graphql-js's own, with the same
 * message, place, cause and extensions.
 */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const converted = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions ?? undefined });
  // graphql-js computes locations from the nodes, which graphql-jit does not keep; it keeps the result.
  Object.assign(converted, { locations: error.locations });
  return converted;
}

function withGraphqlJsErrors(result: ExecutionResult): ExecutionResult {
  return result.errors?.length ? { ...result, errors: result.errors.map(asGraphqlJsError) } : result;
}

/**
 * Execution through graphql-jit: each operation is compiled once into a JavaScript function and
 * then run for every request that sends the same document. Apollo Server parses a query string
 * once and hands the same `DocumentNode` to every request with that string (its document store), so
 * compiled operations are kept by document and forgotten with it. The gateway sends each subgraph
 * the same few documents (one per step of each plan), with different variables: compiling costs a
 * few milliseconds once, and on a long list execution takes a fraction of graphql-js's time.
 *
 * Results match graphql-js's (`SUBGRAPH_EXECUTOR=compare` checks every query the tests send).
 * graphql-jit awaits a promise only where a resolver returns it, never a promise left in a
 * property of a parent object; the resolvers here return plain values or loader promises.
 */
export function compiledExecution(schema: GraphQLSchema): Execution {
  const compiled = new WeakMap<DocumentNode, Map<string | null, CompiledQuery | undefined>>();
  return (args) => {
    if (args.schema !== schema) return execute(args);
    let byOperation = compiled.get(args.document);
    if (!byOperation) compiled.set(args.document, (byOperation = new Map()));
    const operationName = args.operationName ?? null;
    let query = byOperation.get(operationName);
    if (!byOperation.has(operationName)) {
      const result = compileQuery(schema, args.document, operationName ?? undefined);
      // What graphql-jit cannot compile (it reports why as errors) graphql-js runs, every time.
      query = isCompiledQuery(result) ? result : undefined;
      byOperation.set(operationName, query);
    }
    if (!query) return execute(args);
    const result = query.query(args.rootValue, args.contextValue, args.variableValues ?? {}) as PromiseOrValue<ExecutionResult>;
    // An answer without data is one whose variables could not be coerced: nothing ran. graphql-js
    // words those errors as Apollo Server expects to recognise them as BAD_USER_INPUT, so it
    // answers them.
    if (isPromise(result)) return result.then(withGraphqlJsErrors);
    return 'data' in result ? withGraphqlJsErrors(result) : execute(args);
  };
}
