// HTTP caching from the schema's @cacheControl hints: an anonymous public query may be kept by
// anyone for the smallest maxAge of what it selects; contacts, the audit log, anything a signed-in
// caller gets, mutations and answers with errors may not be kept by shared caches; a GET repeated
// with the ETag it got answers 304 without a body.
import { request } from 'undici';
import { tokenFor } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from './helpers/startHub';

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.stop());

async function post(query: string, token?: string) {
  const res = await fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: unknown[] };
  return { cacheControl: res.headers.get('cache-control'), vary: res.headers.get('vary'), body };
}

const PUBLIC = '{ countries { code name cities { name } } networks { id name } }';

test('an anonymous public query may be kept by anyone, for the smallest maxAge it selects, varying by caller and language', async () => {
  const answer = await post(PUBLIC);
  expect(answer.body.errors).toBeUndefined();
  expect(answer.cacheControl).toBe('public, max-age=60');
  expect(answer.vary).toBe('Accept, Accept-Language, Authorization');
});

test('the same query with a token is private and not stored', async () => {
  const answer = await post(PUBLIC, await tokenFor('member'));
  expect(answer.body.errors).toBeUndefined();
  expect(answer.cacheControl).toBe('private, no-store');
});

test('contacts and the audit log are PRIVATE: never public, whoever asks', async () => {
  const contacts = await post('{ city(id: "dk-aarhus") { name contacts { name } } }', await tokenFor('member'));
  expect(contacts.body.errors).toBeUndefined();
  expect(contacts.cacheControl).toBe('private, no-store');
  // Anonymous: contacts are null with an error, and the answer is not kept.
  expect((await post('{ city(id: "dk-aarhus") { name contacts { name } } }')).cacheControl).toBe('private, no-store');
  expect((await post('{ auditLog { membership(first: 1) { totalCount } } }', await tokenFor('admin'))).cacheControl).toBe('private, no-store');
});

test('mutations and answers with errors are not stored', async () => {
  const failed = await post('{ cities(first: -5) { totalCount } }');
  expect(failed.body.errors).toBeDefined();
  expect(failed.cacheControl).toBe('no-store');
  const mutation = await post('mutation { updateCity(id: "no-such-city", input: { population: 1 }, expectedVersion: 1) { id } }');
  expect(mutation.cacheControl).toBe('no-store');
});

test('a GET repeated with its ETag answers 304 without a body', async () => {
  // undici's request, not fetch: fetch marks a request carrying If-None-Match `Cache-Control:
  // no-cache` (an end-to-end reload, which must not get a 304), as browsers' caches do not.
  const get = (query: string, etag?: string) =>
    request(`${hub.url}?${new URLSearchParams({ query })}`, {
      headers: { accept: 'application/graphql-response+json', ...(etag ? { 'if-none-match': etag } : {}) },
    });
  const first = await get(PUBLIC);
  expect(first.statusCode).toBe(200);
  expect(first.headers['cache-control']).toBe('public, max-age=60');
  const etag = first.headers.etag as string;
  expect(etag).toEqual(expect.any(String));
  await first.body.text();
  const again = await get(PUBLIC, etag);
  expect(again.statusCode).toBe(304);
  expect(await again.body.text()).toBe('');
  // Another answer has another ETag.
  const other = await get('{ networks { id } }', etag);
  expect(other.statusCode).toBe(200);
  await other.body.text();
});
