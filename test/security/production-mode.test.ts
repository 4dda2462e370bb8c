// Under NODE_ENV=production the hub shows clients nothing of its insides: no introspection for
// anonymous callers (signed-in ones, see the explorer's production test), no Apollo landing page,
// no SQL, stack traces, hosts or ports in errors; and it refuses development secrets.
import { loadConfig } from '@nsc-hub/gateway';
import { PRODUCTION_MODE, TEST_SUBGRAPH_SECRET, errorCodes, graphqlRequest } from '@nsc-hub/shared/src/testing';
import { loadSubgraphConfig } from '@nsc-hub/shared';
import { startHub, type RunningHub } from '../helpers/startHub';

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub({ mode: PRODUCTION_MODE, gateway: { subgraphTimeoutMs: 1500 } });
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

test('serves no Apollo landing page to a browser (the explorer is the hub\'s own)', async () => {
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

test.each([
  ['an unknown field', '{ citys { id } }', undefined, 'Cannot query field "citys" on type "…".'],
  ['an unknown nested field', '{ city(id: "dk-aarhus") { mayor } }', undefined, 'Cannot query field "mayor" on type "…".'],
  ['an unknown argument', '{ cities(sort: NAME) { totalCount } }', undefined, 'Unknown argument "sort" on field "….cities".'],
  ['a missing argument', '{ city { name } }', undefined, 'Field "city" argument "id" of type "ID!" is required, but it was not provided.'],
  ['a missing selection', '{ city(id: "dk-aarhus") { country } }', undefined, 'Field "country" of type "…!" must have a selection of subfields. Did you mean "country { ... }"?'],
  ['a misspelt enum value', '{ resources(filter: { kind: GUIDELINES }) { totalCount } }', undefined, 'Value "GUIDELINES" does not exist in "…" enum.'],
  ['a variable of the wrong type', 'query ($f: String) { cities(filter: { country: $f, status: $f }) { totalCount } }', undefined, 'Variable "$f" of type "String" used in position expecting type "…".'],
])('a validation error for %s names no type the client did not write', async (_label, query, variables, message) => {
  const res = await hub.query(query, variables);
  expect(res.status).toBe(400);
  expect(errorCodes(res)).toContain('GRAPHQL_VALIDATION_FAILED');
  expect(res.errors?.map((e) => e.message)).toContain(message.replace(' Did you mean "country { ... }"?', ''));
  expect(JSON.stringify(res)).not.toMatch(/Query|City|Country|ResourceKind|MembershipStatus|Did you mean/);
});

test('a variable that does not fit its type is BAD_USER_INPUT naming only what the client sent', async () => {
  const res = await hub.query('query ($f: ResourceFilter) { resources(filter: $f) { totalCount } }', { f: { kind: 'GUIDELINES' } });
  expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  expect(res.errors?.[0].message).toMatch(/^Variable "\$f" got invalid value "GUIDELINES" at "f\.kind"/);
  expect(JSON.stringify(res)).not.toMatch(/ResourceKind|GUIDELINE"|Did you mean/);
});

test('a fragment on a type the client names may name it back', async () => {
  const res = await hub.query('{ countries { ... on City { id } } }');
  expect(errorCodes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  expect(res.errors?.[0].message).toBe('Fragment cannot be spread here as objects of type "…" can never be of type "City".');
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

  test('an oversized body is a JSON QUERY_TOO_COMPLEX (400) naming the limit', async () => {
    const res = await post(JSON.stringify({ query: `{ countries { code } } # ${'x'.repeat(2_000_000)}` }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'BODY_SIZE', maximum: expect.any(Number) });
  });
});

test('refuses to start with the development JWT secret or subgraph secret', () => {
  expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
  expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(/SUBGRAPH_SECRET/);
  expect(() => loadSubgraphConfig('membership', 4001, { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(/SUBGRAPH_SECRET/);
  const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), SUBGRAPH_SECRET: 'y'.repeat(40) });
  expect(config.mode).toEqual({ production: true, exposeInternals: false });
});

test('a subgraph that does not answer in time is SUBGRAPH_UNAVAILABLE naming it, and the rest of the answer comes', async () => {
  // A real stall: another session holds a lock the membership subgraph's query must wait for.
  const blocker = hub.subgraphs.membership.dataSource.createQueryRunner();
  await blocker.startTransaction();
  try {
    await blocker.query('LOCK TABLE membership.cities IN ACCESS EXCLUSIVE MODE');
    const started = Date.now();
    const res = await hub.query('{ city(id: "dk-aarhus") { name } topics { id } }');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(errorCodes(res)).toEqual(['SUBGRAPH_UNAVAILABLE']);
    expect(res.errors?.[0].message).toBe('The membership subgraph did not answer within 1500 ms; try again shortly');
    expect(res.errors?.[0]).toMatchObject({ path: ['city'], extensions: { serviceName: 'membership' } });
    expect(res.data?.city).toBeNull();
    expect(res.data?.topics.length).toBeGreaterThan(0);
    expect(JSON.stringify(res)).not.toMatch(/127\.0\.0\.1|localhost|:\d{4,5}\b|abort/i);
  } finally {
    await blocker.rollbackTransaction();
    await blocker.release();
  }
});

test('a subgraph that is down is SUBGRAPH_UNAVAILABLE naming it, never its host or port, on the fields it would have answered', async () => {
  // Stopped last: the other tests need it running.
  const port = new URL(hub.subgraphs.membership.url).port;
  await hub.subgraphs.membership.stop();
  const res = await hub.query('{ countries { code } topics { id } }');
  expect(res.status).toBe(200);
  expect(errorCodes(res)).toEqual(['SUBGRAPH_UNAVAILABLE']);
  expect(res.errors?.[0].message).toMatch(/membership/);
  expect(res.errors?.[0]).toMatchObject({ path: ['countries'], extensions: { serviceName: 'membership' } });
  expect(res.data?.countries).toBeNull();
  expect(res.data?.topics.length).toBeGreaterThan(0);
  const body = JSON.stringify(res);
  expect(body).not.toContain(port);
  expect(body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|localhost/);
});
