// The gateway's response cache, in this process (the default): a repeated query is answered
// without asking any subgraph, for callers of the same visibility class, variables and reading
// order only; an update evicts the answers holding the record it changed (and no others); a create
// or delete evicts the lists of its subgraph, through whichever type reached them; answers with
// errors are never kept; RESPONSE_CACHE=off turns it off.
import { captureLog, tokenFor, type CapturedLog } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from './helpers/startHub';

let hub: RunningHub;
const logs = new Map<string, CapturedLog>();
let editorDk: string;
let editorSe: string;
let member: string;

beforeAll(async () => {
  hub = await startHub({
    log: (service) => {
      const captured = captureLog();
      logs.set(service, captured);
      return captured.log;
    },
  });
  [editorDk, editorSe, member] = await Promise.all([tokenFor('editor', 'DK'), tokenFor('editor', 'SE'), tokenFor('member')]);
});
afterAll(() => hub?.stop());

interface Answer {
  readonly cache: string | null;
  readonly age: string | null;
  readonly body: { data?: Record<string, any> | null; errors?: { extensions?: { code?: string } }[] };
}

async function ask(query: string, variables: Record<string, unknown> = {}, options: { token?: string; language?: string } = {}): Promise<Answer> {
  const res = await fetch(hub.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.language ? { 'accept-language': options.language } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { cache: res.headers.get('x-cache'), age: res.headers.get('age'), body: (await res.json()) as Answer['body'] };
}

/** Requests the subgraphs have answered so far (their access lines). */
const subgraphRequests = () =>
  [...logs].filter(([service]) => service !== 'gateway').reduce((sum, [, captured]) => sum + captured.lines.filter((l) => l.msg === 'request done').length, 0);

const CITY = 'query City($id: ID!) { city(id: $id) { id name population } }';

test('a repeated query is answered from the cache without asking any subgraph, with the same data', async () => {
  const query = '{ networks { id name } countries { id code name } }';
  const first = await ask(query);
  expect(first.body.errors).toBeUndefined();
  expect(first.cache).toBe('MISS');
  const asked = subgraphRequests();
  const second = await ask(query);
  expect(second.cache).toBe('HIT');
  expect(Number(second.age)).toBeGreaterThanOrEqual(0);
  expect(second.body).toEqual(first.body);
  expect(subgraphRequests()).toBe(asked);
  expect(logs.get('gateway')!.lines.filter((l) => l.msg === 'request done').slice(-2).map((l) => l.cache)).toEqual(['miss', 'hit']);
});

test('answers are kept apart by visibility class, variables and reading order', async () => {
  const query = 'query ($first: Int) { cities(first: $first) { edges { node { id name } } } }';
  expect((await ask(query, { first: 3 })).cache).toBe('MISS');
  expect((await ask(query, { first: 3 })).cache).toBe('HIT');
  expect((await ask(query, { first: 4 })).cache).toBe('MISS');
  expect((await ask(query, { first: 3 }, { language: 'da' })).cache).toBe('MISS');
  expect((await ask(query, { first: 3 }, { token: member })).cache).toBe('MISS');
  expect((await ask(query, { first: 3 }, { token: await tokenFor('member', 'SE') })).cache).toBe('HIT');
  expect((await ask(query, { first: 3 }, { token: editorDk })).cache).toBe('MISS');
  expect((await ask(query, { first: 3 }, { token: editorSe })).cache).toBe('MISS');
  expect((await ask(query, { first: 3 }, { token: await tokenFor('editor', 'DK') })).cache).toBe('HIT');
});

test("a member's answer never reaches an anonymous caller, nor an editor's another country's editor", async () => {
  const withContacts = 'query ($id: ID!) { city(id: $id) { id name contacts { name } } }';
  const membersView = await ask(withContacts, { id: 'dk-copenhagen' }, { token: member });
  expect(membersView.body.errors).toBeUndefined();
  const anonymousView = await ask(withContacts, { id: 'dk-copenhagen' });
  expect(anonymousView.body.data?.city.contacts).toBeNull();
  expect(anonymousView.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

  // A cacheable query asked first by a member, then by an anonymous caller: kept apart.
  const query = '{ cooperationModels { id name } }';
  expect((await ask(query, {}, { token: member })).cache).toBe('MISS');
  expect((await ask(query, {}, { token: member })).cache).toBe('HIT');
  expect((await ask(query)).cache).toBe('MISS');
  expect((await ask(query, {}, { token: editorDk })).cache).toBe('MISS');
  expect((await ask(query, {}, { token: editorSe })).cache).toBe('MISS');
});

test('an update evicts the answers holding the record it changed, and the writer reads the new value at once', async () => {
  const aarhus = await ask(CITY, { id: 'dk-aarhus' });
  const malmo = await ask(CITY, { id: 'se-malmo' });
  expect(aarhus.body.data?.city?.id).toBe('dk-aarhus');
  expect(malmo.body.data?.city?.id).toBe('se-malmo');
  expect((await ask(CITY, { id: 'dk-aarhus' })).cache).toBe('HIT');

  const version = (await ask('query ($id: ID!) { city(id: $id) { version } }', { id: 'dk-aarhus' }, { token: editorDk })).body.data?.city.version;
  const population = (aarhus.body.data?.city.population ?? 0) + 1;
  const updated = await ask(
    'mutation ($id: ID!, $population: Int!, $version: Int!) { updateCity(id: $id, input: { population: $population }, expectedVersion: $version) { id population } }',
    { id: 'dk-aarhus', population, version },
    { token: editorDk },
  );
  expect(updated.body.errors).toBeUndefined();

  const after = await ask(CITY, { id: 'dk-aarhus' });
  expect(after.cache).toBe('MISS');
  expect(after.body.data?.city.population).toBe(population);
  // Malmö's answer held nothing the update changed.
  expect((await ask(CITY, { id: 'se-malmo' })).cache).toBe('HIT');
});

test("a create evicts its subgraph's lists, also those reached through another subgraph's record", async () => {
  const list = '{ resources(first: 3) { totalCount edges { node { id title } } } }';
  const nested = 'query ($id: ID!) { city(id: $id) { id name resources(first: 2) { totalCount } } }';
  const listed = await ask(list);
  const ofCity = await ask(nested, { id: 'dk-aarhus' });
  const unrelated = await ask(CITY, { id: 'se-malmo' });
  expect(listed.body.errors).toBeUndefined();
  expect(ofCity.body.errors).toBeUndefined();
  expect((await ask(list)).cache).toBe('HIT');
  expect((await ask(nested, { id: 'dk-aarhus' })).cache).toBe('HIT');

  const created = await ask(
    'mutation ($input: CreateResourceInput!) { createResource(input: $input) { id } }',
    { input: { title: 'Tryghed i Aarhus: en vejledning til test', kind: 'GUIDELINE', languages: ['da'], country: 'DK', cityIds: ['dk-aarhus'] } },
    { token: editorDk },
  );
  expect(created.body.errors).toBeUndefined();

  const relisted = await ask(list);
  expect(relisted.cache).toBe('MISS');
  expect(relisted.body.data?.resources.totalCount).toBe(listed.body.data?.resources.totalCount + 1);
  const reread = await ask(nested, { id: 'dk-aarhus' });
  expect(reread.cache).toBe('MISS');
  expect(reread.body.data?.city.resources.totalCount).toBe(ofCity.body.data?.city.resources.totalCount + 1);
  // A city's own fields are the membership subgraph's: a knowledge write leaves them cached.
  expect((await ask(CITY, { id: 'se-malmo' })).cache).toBe('HIT');
  expect(unrelated.body.data?.city.id).toBe('se-malmo');
});

test('a delete that answers only true evicts the answers holding what it removed', async () => {
  const events = await ask('{ events(first: 1, filter: { country: "DK" }) { edges { node { id } } } }');
  const eventId = events.body.data?.events.edges[0].node.id as string;
  const recorded = await ask(
    'mutation ($input: ParticipationInput!) { recordParticipation(input: $input) { id } }',
    { input: { event: eventId, city: 'dk-aarhus', role: 'DELEGATE' } },
    { token: editorDk },
  );
  expect(recorded.body.errors).toBeUndefined();
  const participationId = recorded.body.data?.recordParticipation.id as string;

  const query = 'query ($id: ID!) { city(id: $id) { id participations { id role } } }';
  const before = await ask(query, { id: 'dk-aarhus' });
  expect(before.body.data?.city.participations.map((p: { id: string }) => p.id)).toContain(participationId);
  expect((await ask(query, { id: 'dk-aarhus' })).cache).toBe('HIT');

  const removed = await ask('mutation ($id: ID!) { removeParticipation(id: $id) }', { id: participationId }, { token: editorDk });
  expect(removed.body.data?.removeParticipation).toBe(true);

  const after = await ask(query, { id: 'dk-aarhus' });
  expect(after.cache).toBe('MISS');
  expect(after.body.data?.city.participations.map((p: { id: string }) => p.id)).not.toContain(participationId);
});

test('an answer with errors is not kept, and a query that may not be kept is not looked up', async () => {
  const invalid = '{ cities(first: -5) { totalCount } }';
  const failed = await ask(invalid);
  expect(failed.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(failed.cache).toBe('MISS');
  expect((await ask(invalid)).cache).toBe('MISS');
  // Contacts are maxAge 0: never kept, never looked up.
  expect((await ask('{ city(id: "dk-aarhus") { id contacts { name } } }', {}, { token: member })).cache).toBeNull();
});

test('subgraphs never pass the changes they report on to the client', async () => {
  const version = (await ask('query ($id: ID!) { city(id: $id) { version } }', { id: 'dk-copenhagen' }, { token: editorDk })).body.data?.city.version;
  const res = await fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${editorDk}` },
    body: JSON.stringify({ query: 'mutation ($v: Int!) { updateCity(id: "dk-copenhagen", input: { region: "Hovedstaden" }, expectedVersion: $v) { id } }', variables: { v: version } }),
  });
  const body = (await res.json()) as { extensions?: Record<string, unknown>; errors?: unknown };
  expect(body.errors).toBeUndefined();
  expect(body.extensions?.changedEntities).toBeUndefined();
});

test('RESPONSE_CACHE=off answers every query from the subgraphs', async () => {
  const off = await startHub({ gateway: { responseCache: { store: 'off' } } });
  try {
    for (let i = 0; i < 2; i++) {
      const res = await fetch(off.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ networks { id } }' }) });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-cache')).toBeNull();
    }
  } finally {
    await off.stop();
  }
});
