import { GraphQLError } from 'graphql';

/** Runs fn, which must throw, and returns what it threw as a GraphQLError (failing the test otherwise). */
export function graphqlErrorFrom(fn: () => unknown): GraphQLError {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  return asGraphQLError(thrown);
}

/** Awaits promise, which must reject, and returns the rejection as a GraphQLError (failing the test otherwise). */
export async function graphqlRejectionFrom(promise: Promise<unknown>): Promise<GraphQLError> {
  let thrown: unknown;
  try {
    await promise;
  } catch (error) {
    thrown = error;
  }
  return asGraphQLError(thrown);
}

function asGraphQLError(thrown: unknown): GraphQLError {
  if (thrown === undefined) throw new Error('expected a GraphQLError to be thrown, but nothing was thrown');
  if (!(thrown instanceof GraphQLError)) throw new Error(`expected a GraphQLError, got ${String(thrown)}`);
  return thrown;
}
