// The gateway in production mode, spoken to over HTTP the way a careless client or a hostile web
// page would: every malformed or cross-site request is refused with a JSON error, a catalogued
// code and its request id, nothing reaches a subgraph, and nothing is written.
import { PRODUCTION_MODE, tokenFor } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from '../helpers/startHub';

let hub: RunningHub;
let admin: string;
beforeAll(async () => {
  hub = await startHub({ mode: PRODUCTION_MODE });
  admin = await tokenFor('admin');
});
afterAll(() => hub?.stop());

const QUERY = '{ countries { code } }';
const MUTATION = 'mutation { createCity(input: { name: "Csrfby", country: "DK" }) { id } }';
const statements = () => Object.values(hub.subgraphs).reduce((sum, s) => sum + s.queries.statements, 0);
const cityCount = async () => Number((await hub.subgraphs.membership.dataSource.query('SELECT count(*) AS n FROM membership.cities'))[0].n);

interface Answer {
  status: number;
  contentType: string | null;
  allow: string | null;
  requestIdHeader: string | null;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function send(init: RequestInit & { search?: string }): Promise<Answer> {
  const res = await fetch(hub.url + (init.search ?? ''), init);
  const text = await res.text();
  let body: Answer['body'];
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`answered ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  return { status: res.status, contentType: res.headers.get('content-type'), allow: res.headers.get('allow'), requestIdHeader: res.headers.get('x-request-id'), body };
}

/** Refused: the status, a JSON error with a code from the catalogue, no data, no SQL anywhere. */
async function expectRefused(init: RequestInit & { search?: string }, status: number, code = 'BAD_REQUEST'): Promise<Answer> {
  const citiesBefore = await cityCount();
  const before = statements();
  const answer = await send(init);
  expect(answer.status).toBe(status);
  expect(answer.contentType).toMatch(/json/);
  expect(answer.body.data ?? null).toBeNull();
  expect(answer.body.errors?.[0].extensions?.code).toBe(code);
  // Also when Apollo Server refuses before any plugin runs: the id that leads to the log line.
  expect(answer.body.errors?.[0].extensions?.requestId).toBe(answer.requestIdHeader);
  expect(answer.requestIdHeader).toEqual(expect.any(String));
  expect(JSON.stringify(answer.body)).not.toMatch(/\bat \S+:\d+|stack|127\.0\.0\.1|localhost/i);
  const after = statements();
  expect(await cityCount()).toBe(citiesBefore);
  expect(after).toBe(before);
  return answer;
}

const json = { 'content-type': 'application/json' };
const withAdmin = (headers: Record<string, string>) => ({ ...headers, authorization: `Bearer ${admin}` });

describe('malformed bodies', () => {
  test.each([
    ['truncated JSON', '{"query": "{ countries { code } }"'],
    ['a JSON string', '"{ countries { code } }"'],
    ['JSON null', 'null'],
    ['a JSON number', '42'],
    ['JSON with a trailing comma', '{"query": "{ countries { code } }",}'],
  ])('%s: 400 BAD_REQUEST', async (_label, body) => {
    await expectRefused({ method: 'POST', headers: json, body }, 400);
  });

  test.each([
    ['an empty body', ''],
    ['an empty object', '{}'],
    ['a query that is not a string', '{"query": 5}'],
    ['variables as a JSON-encoded string', '{"query": "{ countries { code } }", "variables": "{}"}'],
    ['extensions as a string', '{"query": "{ countries { code } }", "extensions": "x"}'],
  ])('%s: 400 BAD_REQUEST', async (_label, body) => {
    await expectRefused({ method: 'POST', headers: json, body }, 400);
  });

  test('a charset other than UTF-8: 415 BAD_REQUEST', async () => {
    await expectRefused({ method: 'POST', headers: { 'content-type': 'application/json; charset=latin1' }, body: JSON.stringify({ query: QUERY }) }, 415);
  });

  test('a content encoding the body does not have: 400 BAD_REQUEST', async () => {
    await expectRefused({ method: 'POST', headers: { ...json, 'content-encoding': 'gzip' }, body: JSON.stringify({ query: QUERY }) }, 400);
  });

  test('a JSON array of 1000 operations (batching is off): 400 BAD_REQUEST', async () => {
    const body = JSON.stringify(Array.from({ length: 1000 }, () => ({ query: MUTATION })));
    await expectRefused({ method: 'POST', headers: withAdmin(json), body }, 400);
  });
});

describe('documents with no operation to run', () => {
  const TWO = 'query Countries { countries { code } } mutation Create { createCity(input: { name: "Ambiguby", country: "DK" }) { id } }';
  test.each([
    ['two operations and none named', { query: TWO }, 'Must provide operation name if query contains multiple operations.'],
    ['an operation name the document does not hold', { query: TWO, operationName: 'Delete' }, 'Unknown operation named "Delete".'],
  ])('%s: 400 OPERATION_RESOLUTION_FAILURE, nothing run', async (_label, body, message) => {
    const answer = await expectRefused({ method: 'POST', headers: withAdmin(json), body: JSON.stringify(body) }, 400, 'OPERATION_RESOLUTION_FAILURE');
    expect(answer.body.errors?.[0].message).toBe(message);
  });
});

describe('cross-site requests a browser sends without a preflight are refused (CSRF)', () => {
  const mutationBody = JSON.stringify({ query: MUTATION });
  test.each([
    ['text/plain', { 'content-type': 'text/plain' }, mutationBody],
    ['form-encoded', { 'content-type': 'application/x-www-form-urlencoded' }, `query=${encodeURIComponent(MUTATION)}`],
    ['multipart', { 'content-type': 'multipart/form-data; boundary=b' }, `--b\r\nContent-Disposition: form-data; name="query"\r\n\r\n${MUTATION}\r\n--b--\r\n`],
    ['no content type', {}, mutationBody],
  ])('a POST as %s, even with a valid token: 400 BAD_REQUEST, nothing written', async (_label, headers, body) => {
    const answer = await expectRefused({ method: 'POST', headers: withAdmin(headers), body }, 400);
    expect(answer.body.errors?.[0].message).toMatch(/Cross-Site Request Forgery/);
  });

  test('a GET without a preflight-forcing header: 400 BAD_REQUEST', async () => {
    await expectRefused({ method: 'GET', search: `?query=${encodeURIComponent(QUERY)}` }, 400);
  });

  test('a GET with the apollo-require-preflight header is served', async () => {
    const answer = await send({ method: 'GET', headers: { 'apollo-require-preflight': 'true' }, search: `?query=${encodeURIComponent(QUERY)}` });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ countries: expect.arrayContaining([{ code: 'DK' }]) });
  });
});

describe('methods', () => {
  test('a mutation by GET: 405 with Allow: POST, nothing written', async () => {
    const answer = await expectRefused(
      { method: 'GET', headers: withAdmin({ 'apollo-require-preflight': 'true' }), search: `?query=${encodeURIComponent(MUTATION)}` },
      405,
    );
    expect(answer.allow).toBe('POST');
  });

  test.each(['PUT', 'DELETE', 'PATCH'])('%s: 405 with Allow: GET, POST', async (method) => {
    const answer = await expectRefused({ method, headers: withAdmin(json), body: JSON.stringify({ query: MUTATION }) }, 405);
    expect(answer.allow).toBe('GET, POST');
  });

  test('a CORS preflight is answered without running anything', async () => {
    const before = statements();
    const res = await fetch(hub.url, { method: 'OPTIONS', headers: { origin: 'https://example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(statements()).toBe(before);
  });
});
