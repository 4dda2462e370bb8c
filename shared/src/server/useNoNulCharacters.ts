import { visit } from 'graphql';
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
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let found = containsNul(request.variables);
          if (!found) {
            visit(document, {
              StringValue(node) {
                if (node.value.includes(NUL)) found = true;
              },
            });
          }
          if (found) throw ERRORS.BAD_USER_INPUT.err('Text must not contain control characters such as the NUL character (U+0000)', { http: { status: 400 } });
        },
      };
    },
  };
}
