// Every request to the gateway's /graphql leaves one access-log line with the request id the client
// sees (in `extensions.requestId`, and in the `x-request-id` header): operation, HTTP status,
// outcome, duration, error codes and the caller's role, also for requests refused before GraphQL
// (a method, malformed JSON, a refused token). Never the token or the query text.
import { Writable } from 'node:stream';
import pino from 'pino';
import { membershipSubgraph } from '@nsc-hub/membership';
import { tokenFor } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from './helpers/startHub';

const lines: string[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub({ subgraphs: [membershipSubgraph], log: (service) => (service === 'gateway' ? pino({ level: 'info' }, sink) : pino({ level: 'silent' })) });
});
afterAll(() => hub?.stop());

/** The "request done" line of `requestId`, waiting briefly: it is written once the answer is sent. */
async function accessLine(requestId: string): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 2000;
  for (;;) {
    const found = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request done' && l.requestId === requestId);
    if (found.length > 0 || Date.now() > deadline) {
      expect(found).toHaveLength(1);
      return found[0];
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

test('a query with an error: the id in extensions.requestId, its operation, status, codes and role', async () => {
  const query = 'query CityContacts { city(id: "dk-aarhus") { name contacts { name email } } }';
  const res = await post(JSON.stringify({ query }));
  const body = (await res.json()) as { errors: { extensions: { code: string; requestId: string } }[] };
  const requestId = body.errors[0].extensions.requestId;
  expect(res.headers.get('x-request-id')).toBe(requestId);
  expect(await accessLine(requestId)).toMatchObject({
    operationName: 'CityContacts',
    status: 200,
    outcome: 'partial',
    errorCodes: ['UNAUTHENTICATED'],
    role: 'anonymous',
    durationMs: expect.any(Number),
  });
});

test('a signed-in caller: the role, never the token, the query or what it returned', async () => {
  const token = await tokenFor('member');
  const query = '{ city(id: "dk-aarhus") { name contacts { name email } } }';
  const res = await post(JSON.stringify({ query }), { authorization: `Bearer ${token}` });
  const body = (await res.json()) as { data: { city: { contacts: { email: string | null }[] } }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  const requestId = res.headers.get('x-request-id')!;
  expect(await accessLine(requestId)).toMatchObject({ operationName: null, status: 200, outcome: 'ok', errorCodes: [], role: 'member' });
  const log = lines.join('\n');
  expect(log).not.toContain(token);
  expect(log).not.toContain(token.split('.')[1]);
  expect(log).not.toMatch(/contacts|dk-aarhus/);
  for (const contact of body.data.city.contacts) if (contact.email) expect(log).not.toContain(contact.email);
});

test.each([
  ['a method other than GET and POST', () => fetch(hub.url, { method: 'PUT' }), 405, 'BAD_REQUEST'],
  ['malformed JSON', () => post('{"query": "{ countries { code } }"'), 400, 'BAD_REQUEST'],
  ['a refused token', () => post(JSON.stringify({ query: '{ countries { code } }', operationName: 'Countries' }), { authorization: 'Bearer not-a-token' }), 401, 'UNAUTHENTICATED'],
])('refused before GraphQL (%s): the same id in the answer and the log', async (_label, send, status, code) => {
  const res = await send();
  expect(res.status).toBe(status);
  const body = (await res.json()) as { errors: { extensions: { code: string; requestId: string } }[] };
  expect(body.errors[0].extensions.code).toBe(code);
  const requestId = body.errors[0].extensions.requestId;
  expect(res.headers.get('x-request-id')).toBe(requestId);
  expect(await accessLine(requestId)).toMatchObject({ status, outcome: 'failed', errorCodes: [code], role: null });
});
