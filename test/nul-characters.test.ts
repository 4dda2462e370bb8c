// Text with the NUL character (U+0000), which PostgreSQL cannot store or compare, is the client's
// mistake wherever it appears — an id, a filter, a cursor, a mutation input, a variable or a
// string written into the query — and is answered 400 BAD_USER_INPUT by the gateway, and by each
// subgraph asked directly, never as an internal error.
import { TEST_SUBGRAPH_SECRET, errorCodes, graphqlRequest, tokenFor } from '@nsc-hub/shared/src/testing';
import { SUBGRAPHS } from '../scripts/subgraphs';
import { startHub, type RunningHub } from './helpers/startHub';

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.stop());

const NUL_ID = 'dk-a\u0000b';

test.each([
  ['a city id', `query ($id: ID!) { city(id: $id) { name } }`],
  ['a resource id', `query ($id: ID!) { resource(id: $id) { title } }`],
  ['an event id', `query ($id: ID!) { event(id: $id) { title } }`],
  ['a forum id', `query ($id: ID!) { forum(id: $id) { name } }`],
  ['an events filter', `query ($id: ID!) { events(filter: { city: $id }) { totalCount } }`],
  ['a cursor', `query ($id: String!) { events(after: $id) { totalCount } }`],
])('%s with a NUL character in a variable: 400 BAD_USER_INPUT', async (_what, query) => {
  const res = await hub.query(query, { id: NUL_ID });
  expect(res.status).toBe(400);
  expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  expect(res.errors?.[0].message).toMatch(/NUL character/);
});

test('a NUL character written into the query itself: 400 BAD_USER_INPUT', async () => {
  const res = await hub.query(`{ event(id: "a\\u0000b") { title } }`);
  expect(res.status).toBe(400);
  expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
});

test('a mutation input with a NUL character writes nothing: 400 BAD_USER_INPUT', async () => {
  const db = hub.subgraphs.forums.dataSource;
  const [{ count: before }] = await db.query(`SELECT count(*)::int AS count FROM forums.events`);
  const res = await hub.query(
    `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
    { input: { title: 'Null\u0000byte', kind: 'OTHER', startsOn: '2025-01-01', country: 'DK' } },
    await tokenFor('admin'),
  );
  expect(res.status).toBe(400);
  expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  const [{ count: after }] = await db.query(`SELECT count(*)::int AS count FROM forums.events`);
  expect(after).toBe(before);
});

test.each(SUBGRAPHS.map((s) => s.name))('the %s subgraph asked directly refuses it too', async (name) => {
  const res = await graphqlRequest(hub.subgraphs[name].url, `query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, {
    variables: { r: [{ __typename: 'City', id: NUL_ID }] },
    subgraphSecret: TEST_SUBGRAPH_SECRET,
  });
  expect(res.status).toBe(400);
  expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
});
