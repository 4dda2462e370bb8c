// The example web client (examples/web-client: Apollo Client 4, documents typed by GraphQL Code
// Generator's client preset) against the whole hub running only its trusted documents for
// anonymous callers, as in production: every query goes by its persisted id as a GET, a page asked
// again is read from the normalised cache without a request, the city list's second page is merged
// after the first, search answers, and Apollo Client never warns about its cache.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_PERSISTED_OPERATIONS_PATH } from '@nsc-hub/gateway/src/config';
import { cityList, cityPage, createHubClient, searchResources } from '@nsc-hub/web-client';
import { startHub, type RunningHub } from './helpers/startHub';

const OPERATIONS = path.resolve(__dirname, '..', 'operations', 'web-client');

let hub: RunningHub;
const requests: { method: string; url: URL; body: string | undefined }[] = [];
const recordingFetch: typeof fetch = async (input, init) => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  requests.push({ method: init?.method ?? 'GET', url, body: typeof init?.body === 'string' ? init.body : undefined });
  return fetch(input, init);
};
const warnings: unknown[][] = [];

beforeAll(async () => {
  hub = await startHub({ gateway: { persistedOperations: { mode: 'only', path: DEFAULT_PERSISTED_OPERATIONS_PATH } } });
  for (const level of ['warn', 'error'] as const) jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void warnings.push(args));
});
afterAll(async () => {
  jest.restoreAllMocks();
  await hub?.stop();
});

const client = () => createHubClient({ uri: hub.url, fetch: recordingFetch });

test('the city page is answered by its persisted id, and asked again it comes from the cache without a request', async () => {
  const apollo = client();
  const before = requests.length;
  const aarhus = await cityPage(apollo, 'dk-aarhus');
  expect(requests.length).toBe(before + 1);
  expect(aarhus?.name).toBe('Aarhus');
  expect(aarhus?.memberships.length).toBeGreaterThan(0);
  expect(aarhus?.resources?.edges.length).toBeGreaterThan(0);
  expect(aarhus?.events?.totalCount).toBeGreaterThanOrEqual(0);

  // The same data the document gives sent as text by a signed-in caller.
  const direct = await hub.query(readFileSync(path.join(OPERATIONS, 'CityPage.graphql'), 'utf8'), { id: 'dk-aarhus' }, await memberToken());
  expect(direct.errors).toBeUndefined();
  expect(stripTypenames(aarhus)).toEqual(direct.data?.city);

  expect(await cityPage(apollo, 'dk-aarhus')).toEqual(aarhus);
  expect(requests.length).toBe(before + 1);
});

test('the city list merges its second page after the first, as the gateway pages them', async () => {
  const apollo = client();
  const before = requests.length;
  const list = cityList(apollo, 5);
  const first = await list.shown();
  expect(first.edges).toHaveLength(5);
  const both = await list.more();
  expect(requests.length).toBe(before + 2);
  expect(both.edges).toHaveLength(10);
  expect(both.edges.slice(0, 5)).toEqual(first.edges);
  const direct = await hub.query<{ cities: { edges: { node: { id: string } }[] } }>('{ cities(first: 10) { edges { node { id } } } }', {}, await memberToken());
  expect(both.edges.map((e) => e.node.id)).toEqual(direct.data?.cities.edges.map((e) => e.node.id));
  // Shown again: the merged list, from the cache.
  expect((await list.shown()).edges).toHaveLength(10);
  expect(requests.length).toBe(before + 2);
});

test('search answers with ranks and highlights', async () => {
  const found = await searchResources(client(), 'forebyggelse', { language: 'da', first: 5 });
  expect(found.totalCount).toBeGreaterThan(0);
  expect(found.edges[0].highlight).toContain('<mark>');
  expect(found.edges.map((e) => e.rank)).toEqual([...found.edges.map((e) => e.rank)].sort((a, b) => b - a));
});

test('every request was a GET naming a trusted document by its id, with no document text', () => {
  const listed = new Set((JSON.parse(readFileSync(DEFAULT_PERSISTED_OPERATIONS_PATH, 'utf8')) as { operations: { id: string }[] }).operations.map((o) => o.id));
  expect(requests.length).toBeGreaterThanOrEqual(4);
  for (const request of requests) {
    expect(request.method).toBe('GET');
    expect(request.url.searchParams.has('query')).toBe(false);
    const hash = (JSON.parse(request.url.searchParams.get('extensions') ?? '{}') as { persistedQuery?: { sha256Hash?: string } }).persistedQuery?.sha256Hash;
    expect(listed.has(hash ?? '')).toBe(true);
  }
});

test('Apollo Client warned about nothing', () => {
  expect(warnings).toEqual([]);
});

const memberToken = async () => (await import('@nsc-hub/shared/src/testing')).tokenFor('member');

/** The client's objects carry `__typename` for its cache; the comparison is of the data. */
function stripTypenames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripTypenames);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== '__typename').map(([key, v]) => [key, stripTypenames(v)]));
}
