import { getNamedType, getNullableType, isIntrospectionType, isListType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@nsc-hub/shared';

/** What an unpaginated list (`memberships`, `participants`, `forums`) is assumed to hold. */
export const ASSUMED_LIST_SIZE = 10;

/**
 * Every field costs 1, and what is selected under a list costs once per item it may return: a
 * paginated field (`first`) counts `first` items (its default when left out, capped at the page
 * size limit, which the subgraphs enforce themselves), any other list `ASSUMED_LIST_SIZE`. A
 * connection's `edges` are the items its `first` already counted. Introspection counts each field
 * once: what it returns is bounded by the schema.
 */
export const listSizeEstimator: ComplexityEstimator = ({ type: parent, field, args, childComplexity }) => {
  // Introspection (`__schema`, `__type` and what they hold) is as large as the schema, never the
  // data: its lists are not priced per item, so the standard query of GraphQL tools gets through.
  if (field.name.startsWith('__') || isIntrospectionType(parent)) return 1 + childComplexity;
  if ('first' in args || field.args.some((arg) => arg.name === 'first')) {
    const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
    return 1 + Math.max(0, Math.min(first, MAX_PAGE_SIZE)) * childComplexity;
  }
  const type = getNullableType(field.type);
  if (isListType(type) && !getNamedType(type).name.endsWith('Edge')) return 1 + ASSUMED_LIST_SIZE * childComplexity;
  return 1 + childComplexity;
};

/**
 * The estimated cost of the operation the request runs, with its variables. Undefined when the
 * variables do not fit the operation: execution reports that to the client as BAD_USER_INPUT.
 */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> | undefined): number | undefined {
  try {
    return getComplexity({ schema, query: document, operationName, variables, estimators: [listSizeEstimator] });
  } catch {
    return undefined;
  }
}
