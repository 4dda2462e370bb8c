// The subgraphs' hottest loaders (a city's participations with their events, events by id, a
// city's resources) read only the columns the query's fields need, and the answers are those of wider reads.
// (The tests also run every subgraph in compare mode by default, where each query is executed
// again through graphql-js with whole rows, and an answer that differs is refused.)
import { startHub, type RunningHub } from './helpers/startHub';

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub({ gateway: { responseCache: { store: 'off' } } });
});
afterAll(() => hub?.stop());

/** The statements `subgraph` ran while the hub answered `query`, and the answer. */
async function statementsOf(subgraph: 'forums' | 'knowledge', query: string) {
  const recording = hub.subgraphs[subgraph].queries.record();
  const res = await hub.query(query);
  recording.stop();
  expect(res.errors).toBeUndefined();
  return { sql: recording.sql, data: res.data! };
}

/** The properties a statement reads, as its select list names them (`AS "event.title"`), sorted. */
const aliasesIn = (sql: string | undefined) => [...(sql ?? '').matchAll(/AS "([^"]+)"/g)].map((m) => m[1]).sort();

const PARTICIPATIONS = (fields: string) => `{ city(id: "dk-copenhagen") { participations { role event { title startsOn forum { name } ${fields} } } } }`;

it("reads of a city's participations and their events only what the query shows, and the keys; a wider read answers alike", async () => {
  const narrow = await statementsOf('forums', PARTICIPATIONS(''));
  const statement = narrow.sql.find((s) => s.includes('"event.title"'));
  expect(aliasesIn(statement)).toEqual(['cityId', 'event.forumId', 'event.id', 'event.startsOn', 'event.title', 'eventId', 'id', 'role']);
  expect(narrow.data.city.participations.length).toBeGreaterThan(3);
  expect(narrow.data.city.participations.some((p: { event: { forum: unknown } }) => p.event.forum !== null)).toBe(true);

  const wide = await statementsOf('forums', PARTICIPATIONS('kind venue endsOn datePrecision version'));
  expect(aliasesIn(wide.sql.find((s) => s.includes('"event.title"')))).toEqual(
    expect.arrayContaining(['event.kind', 'event.venue', 'event.endsOn', 'event.datePrecision', 'event.version']),
  );
  const shown = (answer: typeof wide.data) =>
    answer.city.participations.map((p: { role: string; event: Record<string, unknown> }) => ({ role: p.role, title: p.event.title, startsOn: p.event.startsOn, forum: p.event.forum }));
  expect(shown(wide.data)).toEqual(shown(narrow.data));
});

it('reads an event by id with the columns of its fields, the id included for its participants', async () => {
  const { sql, data } = await statementsOf('forums', `{ event(id: "nsc-summit-2019-stockholm") { description participants { role } } }`);
  expect(aliasesIn(sql.find((s) => /FROM "forums"\."events" t WHERE t\."id" = ANY/.test(s)))).toEqual(['description', 'id']);
  expect(data.event.participants.length).toBeGreaterThan(0);
});

it("reads of the resources a city's list shows what it needs (title, publisher, the sort key its cursors encode), in the list's own statement, and more only when asked", async () => {
  const RESOURCES = (fields: string) => `{ city(id: "dk-aarhus") { resources(first: 5) { edges { cursor node { title publisher { __typename } ${fields} } } } } }`;
  const listed = (sql: readonly string[]) => {
    expect(sql).toHaveLength(1);
    return sql[0];
  };
  const narrow = await statementsOf('knowledge', RESOURCES(''));
  expect(aliasesIn(listed(narrow.sql))).toEqual(['resource.id', 'resource.publisherId', 'resource.publisherType', 'resource.sortDate', 'resource.title']);
  expect(narrow.data.city.resources.edges.length).toBeGreaterThan(0);

  const wide = await statementsOf('knowledge', RESOURCES('summary cities { id } archived'));
  expect(aliasesIn(listed(wide.sql))).toEqual(['resource.archivedAt', 'resource.cityIds', 'resource.id', 'resource.publisherId', 'resource.publisherType', 'resource.sortDate', 'resource.summary', 'resource.title']);
  const shown = (answer: typeof wide.data) =>
    answer.city.resources.edges.map((e: { cursor: string; node: Record<string, unknown> }) => ({ cursor: e.cursor, title: e.node.title, publisher: e.node.publisher }));
  expect(shown(wide.data)).toEqual(shown(narrow.data));
});
