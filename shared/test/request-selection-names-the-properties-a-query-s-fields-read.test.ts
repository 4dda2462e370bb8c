import { parse } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { RequestSelection } from '../src/server/RequestSelection';
import { reads } from '../src/schema/reads';

// Built as the subgraphs build theirs, which keeps each resolver function as given.
const schema = buildSubgraphSchema({
  typeDefs: parse(/* GraphQL */ `
    type Query { events: [Event!]! node: Node }
    interface Node { id: ID! }
    type Event implements Node { id: ID! title: String! startsOn: String! forum: Forum venue: String summary: String host: String }
    type Forum implements Node { id: ID! name: String! }
  `),
  resolvers: {
    Event: {
      forum: reads(['forumId'], (event: { forumId: string | null }) => (event.forumId ? { id: event.forumId } : null)),
      // Reads something no mark tells.
      summary: (event: { description: string }) => event.description.slice(0, 10),
      // Reads a property that is not a column of the entity.
      host: reads(['hostName'], (event: { hostName: string }) => event.hostName),
    },
  },
});

const EVENT_COLUMNS = new Set(['id', 'title', 'startsOn', 'forumId', 'venue', 'description']);
const FORUM_COLUMNS = new Set(['id', 'name']);

function selectionOf(query: string): RequestSelection {
  const selection = new RequestSelection();
  selection.use(schema, parse(query));
  return selection;
}

describe('RequestSelection', () => {
  it('names the property of a field without a resolver, and what a marked resolver reads, through aliases and fragments', () => {
    const selection = selectionOf(`query { events { heading: title ...dates forum { name } } } fragment dates on Event { startsOn }`);
    expect(selection.propertiesOf('Event', EVENT_COLUMNS)).toEqual(new Set(['title', 'startsOn', 'forumId']));
    expect(selection.propertiesOf('Forum', FORUM_COLUMNS)).toEqual(new Set(['name']));
  });

  it('counts a field selected on an interface for each type implementing it', () => {
    const selection = selectionOf(`{ node { id ... on Event { venue } } }`);
    expect(selection.propertiesOf('Event', EVENT_COLUMNS)).toEqual(new Set(['id', 'venue']));
    expect(selection.propertiesOf('Forum', FORUM_COLUMNS)).toEqual(new Set(['id']));
  });

  it('names nothing for a type the query selects nothing on, and only __typename is nothing too', () => {
    expect(selectionOf(`{ events { title } }`).propertiesOf('Forum', FORUM_COLUMNS)).toEqual(new Set());
    expect(selectionOf(`{ events { forum { __typename } } }`).propertiesOf('Forum', FORUM_COLUMNS)).toEqual(new Set());
  });

  it('does not know, so every column is read, for an unmarked resolver, a property no column holds, or before any query is known', () => {
    expect(selectionOf(`{ events { title summary } }`).propertiesOf('Event', EVENT_COLUMNS)).toBeUndefined();
    expect(selectionOf(`{ events { title host } }`).propertiesOf('Event', EVENT_COLUMNS)).toBeUndefined();
    expect(new RequestSelection().propertiesOf('Event', EVENT_COLUMNS)).toBeUndefined();
  });

  it('refuses to mark one resolver as reading two different things', () => {
    const resolve = () => null;
    reads(['a'], resolve);
    expect(reads(['a'], resolve)).toBe(resolve);
    expect(() => reads(['b'], resolve)).toThrow(/marked as reading a, not b/);
  });
});
