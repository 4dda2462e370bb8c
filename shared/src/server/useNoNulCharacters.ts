import { visit, type DocumentNode } from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ERRORS } from '../errors';

const NUL = '\u0000';

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (Array.isArray(value)) return value.some(containsNul);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsNul);
  return false;
}

/**
 * PostgreSQL text cannot hold the NUL character: an id, filter or input containing one would fail
 * in the driver as an internal error. Refused up front, in variables and in the query's own string
 * literals alike, as the client's mistake.
 */
export function useNoNulCharacters<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  // Apollo hands the same parsed document to every request with the same query text, so its
  // literals are looked at once.
  const literalsWithNul = new WeakMap<DocumentNode, boolean>();
  const literalsContainNul = (document: DocumentNode) => {
    let found = literalsWithNul.get(document);
    if (found === undefined) {
      found = false;
      visit(document, {
        StringValue(node) {
          if (node.value.includes(NUL)) found = true;
        },
      });
      literalsWithNul.set(document, found);
    }
    return found;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const found = containsNul(request.variables) || literalsContainNul(document);
          if (found) throw ERRORS.BAD_USER_INPUT.err('Text must not contain control characters such as the NUL character (U+0000)', { http: { status: 400 } });
        },
      };
    },
  };
}
