// Paging a query: the connections reached through objects are found in the answer, and each next
// page is the same document with `after` set on that one field (aliases, fragments and an `after`
// already there included).
import { parse, print } from 'graphql';
import { connectionPaths, followPages, withCursor, type GraphQLResult } from '../scripts/query/followPages';

const connection = (ids: string[], hasNextPage: boolean, endCursor: string | null) => ({ totalCount: 5, pageInfo: { hasNextPage, endCursor }, edges: ids.map((id) => ({ node: { id } })) });

test('finds connections through objects, not inside lists', () => {
  const data = {
    cities: connection(['a'], true, 'c1'),
    network: { members: connection([], false, null) },
    forums: [{ events: connection([], false, null) }],
  };
  expect(connectionPaths(data)).toEqual([['cities'], ['network', 'members']]);
});

test('sets after on the field at a path, by alias and through a fragment, replacing a variable', () => {
  const document = parse(`query ($after: String) { all: cities(first: 2, after: $after) { edges { node { id } } } network(id: "x") { ...M } }
    fragment M on Network { members(first: 1) { edges { node { id } } } }`);
  expect(print(withCursor(document, ['all'], 'c1'))).toContain('all: cities(first: 2, after: "c1")');
  expect(print(withCursor(document, ['network', 'members'], 'm9'))).toContain('members(first: 1, after: "m9")');
  expect(() => withCursor(document, ['nothing'], 'x')).toThrow('cannot find the field at nothing');
});

test('follows a connection to its last page and appends the edges; an error on a later page is returned', async () => {
  const document = parse('{ cities(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }');
  const pages: Record<string, GraphQLResult> = {
    c2: { data: { cities: connection(['c', 'd'], true, 'c4') } },
    c4: { data: { cities: connection(['e'], false, 'c5') } },
  };
  const asked: string[] = [];
  const run = async (doc: typeof document) => {
    const cursor = /after: "(\w+)"/.exec(print(doc))![1];
    asked.push(cursor);
    return pages[cursor];
  };
  const progress: number[] = [];
  const result = await followPages(document, { data: { cities: connection(['a', 'b'], true, 'c2') } }, run, (p) => progress.push(p.fetched));
  expect(asked).toEqual(['c2', 'c4']);
  expect((result.data!.cities as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  expect(progress).toEqual([2, 4, 5]);

  const failing = await followPages(document, { data: { cities: connection(['a'], true, 'c2') } }, async () => ({ errors: [{ message: 'boom' }] }));
  expect(failing.errors).toEqual([{ message: 'boom' }]);
});
