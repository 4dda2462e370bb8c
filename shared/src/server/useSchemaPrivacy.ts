import { visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ERRORS } from '../errors';

const BUILT_IN_SCALARS = ['Int', 'Float', 'String', 'Boolean', 'ID'];
const QUOTED = /"([^"\s]*)"/g;
const SUGGESTION = / ?Did you mean .+?\?/g;
export const HIDDEN_NAME = '…';

/** Every name the client wrote: in the document, and as keys or strings in its variables. */
function namesTheClientSent(document: DocumentNode | undefined, variables: unknown): Set<string> {
  const names = new Set(BUILT_IN_SCALARS);
  if (document) {
    visit(document, {
      Name(node) {
        names.add(node.value);
      },
    });
  }
  const walk = (value: unknown): void => {
    if (typeof value === 'string') names.add(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        names.add(key);
        walk(inner);
      }
    }
  };
  walk(variables);
  return names;
}

/**
 * `"Query.cities"`, `"[CityFilter!]"`: each type name in it the client did not send is replaced,
 * the rest (field and argument names, values, punctuation) kept, so the message still says what
 * to fix.
 */
function hideUnsentTypes(message: string, sent: ReadonlySet<string>, schema: GraphQLSchema): string {
  return message.replace(SUGGESTION, '').replace(QUOTED, (_quoted, inner: string) => {
    const shown = inner.replace(/[A-Za-z_][A-Za-z0-9_]*/g, (name) => (sent.has(name) || !schema.getType(name) ? name : HIDDEN_NAME));
    return `"${shown}"`;
  });
}

/** Validation failures, and variables that do not fit their declared types. */
function describesTheSchema(error: { message: string; extensions?: Record<string, unknown> }): boolean {
  const code = error.extensions?.code;
  return code === ERRORS.GRAPHQL_VALIDATION_FAILED.code || (code === ERRORS.BAD_USER_INPUT.code && error.message.startsWith('Variable "$'));
}

/**
 * In production a client learns nothing of the schema it did not already write itself: a
 * validation or variable error says `Cannot query field "citys" on type "…"`, never which type,
 * and makes no "Did you mean" suggestion (of fields, types or enum values).
 */
export function useSchemaPrivacy<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, document, request, schema }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors?.some(describesTheSchema)) return;
          const sent = namesTheClientSent(document, request.variables);
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
            describesTheSchema(error) ? { ...error, message: hideUnsentTypes(error.message, sent, schema) } : error,
          );
        },
      };
    },
  };
}
