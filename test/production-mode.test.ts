// Under NODE_ENV=production the hub shows clients nothing of its insides: no introspection, no
// landing page, no SQL, stack traces, hosts or ports in errors; and it refuses development secrets.
import { loadConfig } from '@nsc-hub/gateway';
import { PRODUCTION_MODE, TEST_SUBGRAPH_SECRET, errorCodes, graphqlRequest } from '@nsc-hub/shared/src/testing';
import { loadSubgraphConfig } from '@nsc-hub/shared';
import { startHub, type RunningHub } from './helpers/startHub';

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub({ mode: PRODUCTION_MODE });
});
afterAll(() => hub?.stop());

test.each([
  ['__schema', '{ __schema { types { name } } }'],
  ['__type', '{ __type(name: "City") { fields { name } } }'],
])('refuses introspection through %s at the gateway', async (_label, query) => {
  const res = await hub.query(query);
  expect(errorCodes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  expect(res.data).toBeUndefined();
  expect(JSON.stringify(res)).not.toMatch(/CityConnection|ContactPerson/);
});

test('refuses introspection at a subgraph too, even from the gateway', async () => {
  const res = await graphqlRequest(hub.subgraphs.membership.url, '{ __schema { queryType { name } } }', { subgraphSecret: TEST_SUBGRAPH_SECRET });
  expect(errorCodes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
});

test('serves no landing page to a browser', async () => {
  const res = await fetch(hub.url, { headers: { accept: 'text/html' } });
  const body = await res.text();
  expect(body).not.toMatch(/sandbox|embeddable|apollo-server-landing-page/i);
});

test('a database failure reaches the client as INTERNAL_SERVER_ERROR with a request id and no SQL', async () => {
  const db = hub.subgraphs.membership.dataSource;
  await db.query('ALTER TABLE membership.networks RENAME TO networks_hidden');
  try {
    const res = await hub.query('{ networks { id name } }');
    expect(errorCodes(res)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(res.errors?.[0].message).toBe('Internal server error');
    expect(res.errors?.[0].extensions?.requestId).toEqual(expect.any(String));
    const body = JSON.stringify(res);
    expect(body).not.toMatch(/networks_hidden|relation|SELECT|QueryFailedError|stacktrace|at .*\.ts/i);
    expect(body).not.toMatch(/127\.0\.0\.1|localhost|:\d{4,5}\b/);
  } finally {
    await db.query('ALTER TABLE membership.networks_hidden RENAME TO networks');
  }
});

test('client errors keep their code and message but carry no stack trace', async () => {
  const res = await hub.query('{ cities(first: 500) { totalCount } }');
  expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  expect(res.errors?.[0].message).toMatch(/"first" must be between 0 and 100/);
  expect(res.errors?.[0].extensions).not.toHaveProperty('stacktrace');
  expect(res.errors?.[0].extensions).not.toHaveProperty('exception');
});

test('hides the schema in validation errors: no "Did you mean" suggestions', async () => {
  const res = await hub.query('{ citys { id } }');
  expect(errorCodes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  expect(JSON.stringify(res)).not.toMatch(/Did you mean|"cities"/);
});

describe.each([
  ['gateway', () => hub.url],
  ['subgraph', () => hub.subgraphs.membership.url],
])('malformed requests at the %s', (_label, url) => {
  const post = (body: string) =>
    fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json', 'x-nsc-subgraph-secret': TEST_SUBGRAPH_SECRET }, body });

  test('malformed JSON is a JSON BAD_REQUEST with a request id, not an HTML stack trace', async () => {
    const res = await post('{"query": "{ countries { code } }"');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = await res.json();
    expect(body).toEqual({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST', requestId: expect.any(String) } }] });
  });

  test('an oversized body is a JSON BAD_REQUEST (413)', async () => {
    const res = await post(JSON.stringify({ query: `{ countries { code } } # ${'x'.repeat(2_000_000)}` }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

test('refuses to start with the development JWT secret or subgraph secret', () => {
  expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
  expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(/SUBGRAPH_SECRET/);
  expect(() => loadSubgraphConfig('membership', 4001, { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(/SUBGRAPH_SECRET/);
  const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), SUBGRAPH_SECRET: 'y'.repeat(40) });
  expect(config.mode).toEqual({ production: true, exposeInternals: false });
});

test('a subgraph that is down is SUBGRAPH_UNAVAILABLE naming it, never its host or port', async () => {
  // Stopped last: the other tests need it running.
  const port = new URL(hub.subgraphs.membership.url).port;
  await hub.subgraphs.membership.stop();
  const res = await hub.query('{ countries { code } }');
  expect(errorCodes(res)).toEqual(['SUBGRAPH_UNAVAILABLE']);
  expect(res.errors?.[0].message).toMatch(/membership/);
  const body = JSON.stringify(res);
  expect(body).not.toContain(port);
  expect(body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|localhost/);
});
