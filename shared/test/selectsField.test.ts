import { buildSchema, graphqlSync, type GraphQLResolveInfo } from 'graphql';
import { selectsField } from '../src/selectsField';

const schema = buildSchema(`
  type Query { search: Connection }
  type Connection { edges: [Edge!]! total: Int }
  type Edge { rank: Float highlight: String node: Node }
  interface Node { id: ID! }
`);

/** What selectsField answers for `edges.highlight` when `search` is resolved in `document`. */
function asksForHighlight(document: string, variableValues?: Record<string, unknown>): boolean {
  let answer: boolean | undefined;
  const rootValue = {
    search: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
      answer = selectsField(info, ['edges', 'highlight']);
      return null;
    },
  };
  const result = graphqlSync({ schema, source: document, rootValue, variableValues });
  if (result.errors) throw result.errors[0];
  return answer!;
}

describe('selectsField', () => {
  it('sees the field itself, under an alias, and in fragments', () => {
    expect(asksForHighlight('{ search { edges { highlight } } }')).toBe(true);
    expect(asksForHighlight('{ search { hits: edges { marked: highlight } } }')).toBe(true);
    expect(asksForHighlight('{ search { ...C } } fragment C on Connection { edges { ... on Edge { highlight } } }')).toBe(true);
  });

  it('answers no when it is not asked for, or skipped', () => {
    expect(asksForHighlight('{ search { edges { rank } total } }')).toBe(false);
    expect(asksForHighlight('{ search { total } }')).toBe(false);
    expect(asksForHighlight('query ($no: Boolean!) { search { edges { rank highlight @include(if: $no) } } }', { no: false })).toBe(false);
    expect(asksForHighlight('query ($no: Boolean!) { search { edges { rank highlight @include(if: $no) } } }', { no: true })).toBe(true);
  });
});
