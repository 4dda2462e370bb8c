// Persisted operations at the gateway: automatic persisted queries (a hash alone after the query
// was sent with it once), the trusted documents of gateway/persisted-operations.json run by id
// (APQ's hash or documentId, by POST or GET) without ever being sent, and with
// PERSISTED_OPERATIONS=only nothing else for callers without a token, while a signed-in analyst
// keeps ad-hoc queries.
import { createHash, randomUUID } from 'node:crypto';
import { DEFAULT_PERSISTED_OPERATIONS_PATH } from '@nsc-hub/gateway/src/config';
import { PersistedOperations } from '@nsc-hub/gateway/src/PersistedOperations';
import { errorCodes, tokenFor, type GraphQLResponse } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from './helpers/startHub';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const LIST = PersistedOperations.load(DEFAULT_PERSISTED_OPERATIONS_PATH);
const LISTED = LIST.manifest.operations.find((operation) => operation.name === 'MembershipsByCountryAndNetwork')!;

let open: RunningHub;
let only: RunningHub;
beforeAll(async () => {
  open = await startHub();
  only = await startHub({ gateway: { persistedOperations: { mode: 'only', path: DEFAULT_PERSISTED_OPERATIONS_PATH } } });
});
afterAll(async () => {
  await open?.stop();
  await only?.stop();
});

async function post(hub: RunningHub, body: Record<string, unknown>, token?: string): Promise<GraphQLResponse> {
  const res = await fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, ...((await res.json()) as Omit<GraphQLResponse, 'status'>) };
}

const byHash = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

test('automatic persisted queries: a hash alone is unknown until the query came with it once, then it is enough', async () => {
  // A query of its own, so no earlier request registered it.
  const query = `query Countries { countries { code name } } # ${randomUUID()}`;
  const hash = sha256(query);
  const miss = await post(open, byHash(hash));
  expect(errorCodes(miss)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  expect(miss.errors?.[0].extensions?.requestId).toEqual(expect.any(String));

  const registered = await post(open, { query, ...byHash(hash) });
  expect(registered.errors).toBeUndefined();
  const hit = await post(open, byHash(hash));
  expect(hit.errors).toBeUndefined();
  expect(hit.data).toEqual(registered.data);
});

test('a trusted document runs by its id, without its text ever being sent: by hash, by documentId, and by GET', async () => {
  const fromText = await post(open, { query: LISTED.body });
  expect(fromText.errors).toBeUndefined();
  expect((await post(only, byHash(LISTED.id))).data).toEqual(fromText.data);
  expect((await post(only, { documentId: `sha256:${LISTED.id}` })).data).toEqual(fromText.data);
  const res = await fetch(`${only.url}?${new URLSearchParams({ documentId: LISTED.id })}`, { headers: { 'apollo-require-preflight': 'true' } });
  expect(res.status).toBe(200);
  expect(((await res.json()) as GraphQLResponse).data).toEqual(fromText.data);
});

test('with PERSISTED_OPERATIONS=only an anonymous caller runs listed documents only; a signed-in one anything', async () => {
  const adHoc = '{ countries { code } }';
  const refused = await post(only, { query: adHoc });
  expect(refused.status).toBe(400);
  expect(errorCodes(refused)).toEqual(['PERSISTED_OPERATION_REQUIRED']);
  expect(refused.errors?.[0].extensions?.requestId).toEqual(expect.any(String));
  expect(refused.data).toBeUndefined();
  // Registering an unlisted document through APQ is the same request: refused.
  expect(errorCodes(await post(only, { query: adHoc, ...byHash(sha256(adHoc)) }))).toEqual(['PERSISTED_OPERATION_REQUIRED']);
  expect(errorCodes(await post(only, byHash(sha256(adHoc))))).toEqual(['PERSISTED_OPERATION_REQUIRED']);

  // A listed document sent as text, spaced and commented otherwise, is still the listed one.
  const respaced = `# the frontend's copy\n${LISTED.body.replace(/\n\s*/g, ' ')}`;
  expect((await post(only, { query: respaced })).errors).toBeUndefined();

  for (const token of [await tokenFor('member'), await tokenFor('editor', 'SE'), await tokenFor('admin')]) {
    const answer = await post(only, { query: adHoc }, token);
    expect(answer.errors).toBeUndefined();
    expect((answer.data as { countries: unknown[] }).countries.length).toBeGreaterThan(0);
  }
  // Without the rule in force, the same anonymous query runs.
  expect((await post(open, { query: adHoc })).errors).toBeUndefined();
});
