// Every subgraph of the hub running in production, called directly as an outsider would: without
// the gateway's SUBGRAPH_SECRET nothing is answered (`_service`, `_entities`, queries, mutations
// alike) and no SQL runs. With the secret, personal data and the audit log still need a token.
import { auditLogFieldName, loadSubgraphConfig } from '@nsc-hub/shared';
import { PRODUCTION_MODE, TEST_SUBGRAPH_SECRET, errorCodes, graphqlRequest, tokenFor } from '@nsc-hub/shared/src/testing';
import { SUBGRAPHS } from '../../scripts/subgraphs';
import { startHub, type RunningHub } from '../helpers/startHub';
import { schemaState } from '../helpers/schemaState';
import { hubSamplesOf } from '../helpers/hubSamples';

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub({ mode: PRODUCTION_MODE });
  await hub.subgraphs.membership.dataSource.query(
    `INSERT INTO membership.contact_persons (city_id, name, email) VALUES ('dk-copenhagen', 'Isolation Contact', 'isolation@example.org')`,
  );
});
afterAll(() => hub?.stop());

/** For each subgraph: a reference it resolves, a query and a mutation of its own (its test/hubSamples.ts). */
const CALLS = Object.fromEntries(SUBGRAPHS.map((m) => [m.name, hubSamplesOf(m)]));

const WRONG_SECRETS: [string, string | undefined][] = [
  ['no secret', undefined],
  ['a wrong secret', 'wrong-secret'],
  ['a wrong secret of the same length', 'x'.repeat(TEST_SUBGRAPH_SECRET.length)],
  ['the secret with a character more', `${TEST_SUBGRAPH_SECRET}x`],
  ['the secret less its last character', TEST_SUBGRAPH_SECRET.slice(0, -1)],
  ['the secret in upper case', TEST_SUBGRAPH_SECRET.toUpperCase()],
];

describe.each(SUBGRAPHS.map((m) => m.name))('the %s subgraph', (name) => {
  const calls = () => [
    ['_service', '{ _service { sdl } }', {}],
    ['_entities', 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: [CALLS[name].reference] }],
    ['a query', CALLS[name].query, {}],
    ['a mutation', CALLS[name].write.mutation, {}],
  ] as const;

  test.each(WRONG_SECRETS)('with %s: 401 for _service, _entities, a query and a mutation, before any SQL', async (_label, subgraphSecret) => {
    const subgraph = hub.subgraphs[name];
    const before = await schemaState(subgraph.dataSource, subgraph.dbSchema);
    const statements = subgraph.queries.statements;
    for (const [what, query, variables] of calls()) {
      const res = await graphqlRequest(subgraph.url, query, { variables, subgraphSecret, token: await tokenFor('admin') });
      expect([what, res.status, errorCodes(res)]).toEqual([what, 401, ['UNAUTHENTICATED']]);
      expect(res.data).toBeUndefined();
      expect(JSON.stringify(res)).not.toMatch(/sdl|_Any|Query|127\.0\.0\.1/);
    }
    expect(subgraph.queries.statements).toBe(statements);
    expect(await schemaState(subgraph.dataSource, subgraph.dbSchema)).toEqual(before);
  });

  test('with the secret it answers the gateway, introspection still off', async () => {
    const subgraph = hub.subgraphs[name];
    const sdl = await graphqlRequest(subgraph.url, '{ _service { sdl } }', { subgraphSecret: TEST_SUBGRAPH_SECRET });
    expect(sdl.data?._service.sdl).toMatch(/@key/);
    const entities = await graphqlRequest(subgraph.url, 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }', {
      variables: { r: [CALLS[name].reference] },
      subgraphSecret: TEST_SUBGRAPH_SECRET,
    });
    expect(entities.data?._entities).toEqual([{ __typename: CALLS[name].reference.__typename }]);
    const introspection = await graphqlRequest(subgraph.url, '{ __schema { types { name } } }', { subgraphSecret: TEST_SUBGRAPH_SECRET });
    expect(errorCodes(introspection)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  test('with the secret but no admin token its audit log is refused', async () => {
    const subgraph = hub.subgraphs[name];
    const query = `{ auditLog { ${auditLogFieldName(name)} { totalCount edges { node { before after } } } } }`;
    const anonymous = await graphqlRequest(subgraph.url, query, { subgraphSecret: TEST_SUBGRAPH_SECRET });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.data).toEqual({ auditLog: { [auditLogFieldName(name)]: null } });
    const editor = await graphqlRequest(subgraph.url, query, { subgraphSecret: TEST_SUBGRAPH_SECRET, token: await tokenFor('editor', 'DK') });
    expect(errorCodes(editor)).toEqual(['FORBIDDEN']);
  });
});

describe('personal data through _entities', () => {
  const CONTACTS = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on City { id contacts { name email } } } }';
  const variables = { r: [{ __typename: 'City', id: 'dk-copenhagen' }] };

  test('with the secret but no member token: contacts are null, UNAUTHENTICATED, no email in the answer', async () => {
    const res = await graphqlRequest(hub.subgraphs.membership.url, CONTACTS, { variables, subgraphSecret: TEST_SUBGRAPH_SECRET });
    expect(res.data?._entities).toEqual([{ id: 'dk-copenhagen', contacts: null }]);
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    expect(JSON.stringify(res)).not.toContain('isolation@example.org');
  });

  test('with the secret and a member token they are shown', async () => {
    const res = await graphqlRequest(hub.subgraphs.membership.url, CONTACTS, { variables, subgraphSecret: TEST_SUBGRAPH_SECRET, token: await tokenFor('member') });
    expect(res.errors).toBeUndefined();
    expect(res.data?._entities[0].contacts).toEqual(expect.arrayContaining([{ name: 'Isolation Contact', email: 'isolation@example.org' }]));
  });
});

test.each(SUBGRAPHS.map((m) => [m.name, m.defaultPort] as const))('the %s subgraph binds to 127.0.0.1 unless SUBGRAPH_HOST says otherwise', (name, port) => {
  expect(loadSubgraphConfig(name, port, {}).host).toBe('127.0.0.1');
  expect(loadSubgraphConfig(name, port, { SUBGRAPH_HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
});
