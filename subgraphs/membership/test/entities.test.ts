// The gateway's way in: _entities resolves references by key, personal data stays behind sign-in
// even there, and nobody but the gateway (holder of the shared secret) is answered at all.
import {
  TEST_SUBGRAPH_SECRET,
  errorCodes,
  graphqlRequest,
  startSubgraph,
  tokenFor,
  type RunningSubgraph,
} from '@nsc-hub/shared/src/testing';
import { membershipSubgraph } from '../src';

let subgraph: RunningSubgraph;
const asGateway = (query: string, variables?: Record<string, unknown>, token?: string) =>
  graphqlRequest(subgraph.url, query, { variables, token, subgraphSecret: TEST_SUBGRAPH_SECRET });

beforeAll(async () => {
  subgraph = await startSubgraph(membershipSubgraph);
  await subgraph.dataSource.query(
    `INSERT INTO membership.contact_persons (city_id, name, role, email) VALUES ('dk-copenhagen', 'Test Coordinator', 'SSP coordinator', 'coordinator@example.org')`,
  );
});
afterAll(() => subgraph?.stop());

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on City { id name nativeName country { code } }
    ... on Country { code name languages }
    ... on Network { id name founded }
  }
}`;

test('resolves City, Country and Network references in the order given, null for unknown keys', async () => {
  const res = await asGateway(ENTITIES, {
    representations: [
      { __typename: 'Network', id: 'nordic-safe-cities' },
      { __typename: 'City', id: 'dk-copenhagen' },
      { __typename: 'City', id: 'xx-nowhere' },
      { __typename: 'Country', code: 'IS' },
    ],
  });
  expect(res.errors).toBeUndefined();
  expect(res.data?._entities).toEqual([
    { __typename: 'Network', id: 'nordic-safe-cities', name: 'Nordic Safe Cities', founded: 2016 },
    { __typename: 'City', id: 'dk-copenhagen', name: 'Copenhagen', nativeName: 'København', country: { code: 'DK' } },
    null,
    { __typename: 'Country', code: 'IS', name: 'Iceland', languages: ['is'] },
  ]);
});

test('resolves many city references with one SQL statement', async () => {
  const ids = ['dk-copenhagen', 'dk-aarhus', 'no-oslo', 'no-bergen', 'se-malmo', 'fi-helsinki', 'is-reykjavik'];
  const before = subgraph.queries.statements;
  const res = await asGateway(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on City { id } } }`, {
    r: ids.map((id) => ({ __typename: 'City', id })),
  });
  expect(res.data?._entities.map((c: { id: string }) => c.id)).toEqual(ids);
  expect(subgraph.queries.statements - before).toBe(1);
});

const CONTACTS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on City { id contacts { name email } } } }`;

test('withholds contact persons from an anonymous _entities request, with UNAUTHENTICATED', async () => {
  const res = await asGateway(CONTACTS, { r: [{ __typename: 'City', id: 'dk-copenhagen' }] });
  expect(res.data?._entities).toEqual([{ id: 'dk-copenhagen', contacts: null }]);
  expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
  expect(JSON.stringify(res)).not.toContain('coordinator@example.org');
});

test('shows contact persons to a signed-in member', async () => {
  const res = await asGateway(CONTACTS, { r: [{ __typename: 'City', id: 'dk-copenhagen' }] }, await tokenFor('member'));
  expect(res.errors).toBeUndefined();
  expect(res.data?._entities).toEqual([{ id: 'dk-copenhagen', contacts: [{ name: 'Test Coordinator', email: 'coordinator@example.org' }] }]);
});

describe('requests without the gateway secret', () => {
  test.each([
    ['_service', '{ _service { sdl } }'],
    ['_entities', '{ _entities(representations: [{ __typename: "City", id: "dk-copenhagen" }]) { __typename } }'],
    ['a normal query', '{ countries { code } }'],
  ])('rejects %s with 401 before any resolver runs', async (_label, query) => {
    const before = subgraph.queries.statements;
    for (const subgraphSecret of [undefined, 'wrong-secret', `${TEST_SUBGRAPH_SECRET}x`]) {
      const res = await graphqlRequest(subgraph.url, query, { subgraphSecret });
      expect(res.status).toBe(401);
      expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
      expect(res.data).toBeUndefined();
    }
    expect(subgraph.queries.statements).toBe(before);
  });
});

test('rejects a forged token even with the secret', async () => {
  const [header, payload] = (await tokenFor('admin')).split('.');
  const res = await asGateway('{ countries { code } }', undefined, `${header}.${payload}.forged-signature`);
  expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
  expect(res.data ?? null).toBeNull();
});

test('serves its SDL to the gateway with the federation key directives', async () => {
  const res = await asGateway('{ _service { sdl } }');
  expect(res.data?._service.sdl).toMatch(/type City\s+@key\(fields: "id"\)/);
});
