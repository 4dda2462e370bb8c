// A mutation sent again with the same Idempotency-Key by the same caller returns the first
// answer and writes nothing, across every subgraph it touched; the same key with a different
// request is BAD_USER_INPUT; a key whose request wrote nothing may be used again.
import { randomUUID } from 'node:crypto';
import { signToken } from '@nsc-hub/shared';
import { PRODUCTION_MODE, TEST_JWT, errorCodes, graphqlRequest, tokenFor, type GraphQLResponse } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from '../helpers/startHub';

let hub: RunningHub;
let editor: string;
beforeAll(async () => {
  hub = await startHub({ mode: PRODUCTION_MODE });
  editor = await tokenFor('editor', 'DK');
});
afterAll(() => hub?.stop());

const send = (query: string, key: string | undefined, token = editor, variables?: Record<string, unknown>): Promise<GraphQLResponse> =>
  graphqlRequest(hub.url, query, { token, variables, headers: key ? { 'idempotency-key': key } : {} });

/** Rows of every table the mutations here write, and every audit row. */
async function written() {
  const count = async (subgraph: string, sql: string) => Number((await hub.subgraphs[subgraph].dataSource.query(sql))[0].n);
  return {
    cities: await count('membership', 'SELECT count(*) AS n FROM membership.cities'),
    resources: await count('knowledge', 'SELECT count(*) AS n FROM knowledge.resources'),
    audit: [
      await count('membership', 'SELECT count(*) AS n FROM membership.audit_log'),
      await count('knowledge', 'SELECT count(*) AS n FROM knowledge.audit_log'),
      await count('forums', 'SELECT count(*) AS n FROM forums.audit_log'),
    ],
  };
}

/** The answer without its request ids: a replay is a request of its own, logged under its own id. */
const answer = (res: GraphQLResponse) => ({ ...res, errors: res.errors?.map(({ extensions, ...e }) => ({ ...e, extensions: { ...extensions, requestId: undefined } })) });

const createCity = (name: string) => `mutation { createCity(input: { name: "${name}", country: "DK" }) { id version name } }`;

test('a repeat returns the first answer and writes nothing', async () => {
  const key = randomUUID();
  const before = await written();
  const first = await send(createCity('Idemby'), key);
  expect(first.errors).toBeUndefined();
  expect(first.data).toEqual({ createCity: { id: 'dk-idemby', version: 1, name: 'Idemby' } });
  const afterFirst = await written();
  expect(afterFirst.cities).toBe(before.cities + 1);
  const repeat = await send(createCity('Idemby'), key);
  expect(repeat).toEqual(first);
  expect(await written()).toEqual(afterFirst);
});

test('without a key the same request runs again (and here finds the city taken)', async () => {
  const key = randomUUID();
  expect((await send(createCity('Nokeyby'), key)).errors).toBeUndefined();
  expect(errorCodes(await send(createCity('Nokeyby'), undefined))).toEqual(['CONFLICT']);
});

test('the same key with a different request is BAD_USER_INPUT and writes nothing', async () => {
  const key = randomUUID();
  expect((await send(createCity('Firstkeyby'), key)).errors).toBeUndefined();
  const before = await written();
  const other = await send(createCity('Otherkeyby'), key);
  expect(errorCodes(other)).toEqual(['BAD_USER_INPUT']);
  expect(other.errors?.[0].message).toMatch(/Idempotency-Key was already used for a different request/);
  expect(other.data?.createCity ?? null).toBeNull();
  expect(await written()).toEqual(before);
});

test('the same key with the same query but other variables is a different request', async () => {
  const key = randomUUID();
  const query = 'mutation ($name: String!) { createCity(input: { name: $name, country: "DK" }) { id } }';
  expect((await send(query, key, editor, { name: 'Varby' })).errors).toBeUndefined();
  expect(errorCodes(await send(query, key, editor, { name: 'Otherby' }))).toEqual(['BAD_USER_INPUT']);
});

test('keys belong to their caller: another caller with the same key runs its own request', async () => {
  const key = randomUUID();
  const other = await signToken(TEST_JWT, { sub: 'another-dk-editor', role: 'editor', country: 'DK' });
  expect((await send(createCity('Callerby'), key)).errors).toBeUndefined();
  const res = await send(createCity('Othercallerby'), key, other);
  expect(res.errors).toBeUndefined();
  expect(res.data?.createCity.id).toBe('dk-othercallerby');
});

test('a request that wrote nothing leaves the key free for the corrected request', async () => {
  const key = randomUUID();
  const bad = await send('mutation { createCity(input: { name: "   ", country: "DK" }) { id } }', key);
  expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
  const fixed = await send(createCity('Fixedby'), key);
  expect(fixed.errors).toBeUndefined();
  expect(fixed.data?.createCity.id).toBe('dk-fixedby');
});

test('one request writing in two subgraphs, membership on both sides of knowledge: the repeat writes nothing anywhere', async () => {
  const key = randomUUID();
  const query = `mutation {
    city: createCity(input: { name: "Twosideby", country: "DK" }) { id version }
    resource: createResource(input: { title: "Idempotent guide", kind: GUIDELINE, languages: ["da"], country: "DK" }) { id version }
    update: updateCity(id: "dk-twosideby", input: { population: 4200 }, expectedVersion: 1) { id version population }
  }`;
  const before = await written();
  const first = await send(query, key);
  expect(first.errors).toBeUndefined();
  expect(first.data).toEqual({
    city: { id: 'dk-twosideby', version: 1 },
    resource: { id: 'idempotent-guide', version: 1 },
    update: { id: 'dk-twosideby', version: 2, population: 4200 },
  });
  const afterFirst = await written();
  expect(afterFirst.audit).toEqual([before.audit[0] + 2, before.audit[1] + 1, before.audit[2]]);
  const repeat = await send(query, key);
  expect(repeat).toEqual(first);
  expect(await written()).toEqual(afterFirst);
});

test('a partly failed request is replayed as it was, errors included, and writes nothing', async () => {
  const key = randomUUID();
  const query = `mutation {
    ok: createCity(input: { name: "Partby", country: "DK" }) { id }
    refused: createCity(input: { name: "Oslo", country: "NO" }) { id }
  }`;
  const first = await send(query, key);
  // The first alias is committed; the refused second one nulls the whole answer (non-null fields).
  expect(errorCodes(first)).toEqual(['FORBIDDEN']);
  const before = await written();
  expect(await hub.subgraphs.membership.dataSource.query("SELECT id FROM membership.cities WHERE id = 'dk-partby'")).toHaveLength(1);
  expect(answer(await send(query, key))).toEqual(answer(first));
  expect(await written()).toEqual(before);
});

test('two identical requests at once with one key write once', async () => {
  const key = randomUUID();
  const before = await written();
  const results = await Promise.all([send(createCity('Raceby'), key), send(createCity('Raceby'), key)]);
  const succeeded = results.filter((r) => !r.errors);
  expect(succeeded.length).toBeGreaterThanOrEqual(1);
  for (const r of succeeded) expect(r.data).toEqual({ createCity: { id: 'dk-raceby', version: 1, name: 'Raceby' } });
  for (const r of results.filter((r) => r.errors)) expect(errorCodes(r)).toEqual(['CONFLICT']);
  expect((await written()).cities).toBe(before.cities + 1);
});

test.each([
  ['too long', 'k'.repeat(256)],
  ['with a space', 'my key'],
  ['empty', ''],
])('a key that is %s is BAD_USER_INPUT (400) and nothing runs', async (_label, key) => {
  const before = await written();
  const res = await graphqlRequest(hub.url, createCity('Badkeyby'), { token: editor, headers: { 'idempotency-key': key } });
  expect(res.status).toBe(400);
  expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  expect(res.errors?.[0].message).toMatch(/Idempotency-Key header/);
  expect(await written()).toEqual(before);
});

test('a key on a query changes nothing', async () => {
  const key = randomUUID();
  const res = await send('{ city(id: "dk-aarhus") { name } }', key);
  expect(res.data).toEqual({ city: { name: 'Aarhus' } });
  expect((await send('{ city(id: "dk-copenhagen") { name } }', key)).data).toEqual({ city: { name: 'Copenhagen' } });
});
