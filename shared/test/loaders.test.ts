import { createArgsLoader, createGroupLoader, createKeyLoader } from '../src/loaders';

interface City {
  id: string;
  name: string;
}
interface Membership {
  cityId: string;
  networkId: string;
}

const CITIES: City[] = [
  { id: 'c1', name: 'Aarhus' },
  { id: 'c2', name: 'Bergen' },
  { id: 'c3', name: 'Espoo' },
];

describe('createKeyLoader', () => {
  it('returns results in key order, not in the order the fetch returned them', async () => {
    const loader = createKeyLoader<string, City>(async (keys) => CITIES.filter((city) => keys.includes(city.id)).reverse(), (city) => city.id);
    await expect(loader.loadMany(['c2', 'c1', 'c3'])).resolves.toEqual([CITIES[1], CITIES[0], CITIES[2]]);
  });

  it('returns null for keys without a record', async () => {
    const loader = createKeyLoader<string, City>(async (keys) => CITIES.filter((city) => keys.includes(city.id)), (city) => city.id);
    await expect(Promise.all([loader.load('c1'), loader.load('missing'), loader.load('c3')])).resolves.toEqual([CITIES[0], null, CITIES[2]]);
  });

  it('calls fetch once per batch with de-duplicated keys', async () => {
    const fetch = jest.fn(async (keys: string[]) => CITIES.filter((city) => keys.includes(city.id)));
    const loader = createKeyLoader<string, City>(fetch, (city) => city.id);
    const results = await Promise.all([loader.load('c1'), loader.load('c2'), loader.load('c1'), loader.load('missing')]);
    expect(results).toEqual([CITIES[0], CITIES[1], CITIES[0], null]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith(['c1', 'c2', 'missing']);
  });

  it('works with numeric keys', async () => {
    const loader = createKeyLoader<number, { id: number }>(async (keys) => keys.filter((key) => key % 2 === 0).map((id) => ({ id })), (row) => row.id);
    await expect(loader.loadMany([1, 2, 4])).resolves.toEqual([null, { id: 2 }, { id: 4 }]);
  });
});

describe('createGroupLoader', () => {
  const MEMBERSHIPS: Membership[] = [
    { cityId: 'c1', networkId: 'n1' },
    { cityId: 'c2', networkId: 'n1' },
    { cityId: 'c1', networkId: 'n2' },
  ];

  it('groups rows by key, in key order, and returns [] for keys without rows', async () => {
    const fetch = jest.fn(async (keys: string[]) => MEMBERSHIPS.filter((row) => keys.includes(row.cityId)));
    const loader = createGroupLoader<string, Membership>(fetch, (row) => row.cityId);
    const [c2, c1, c3] = await Promise.all([loader.load('c2'), loader.load('c1'), loader.load('c3')]);
    expect(c1).toEqual([MEMBERSHIPS[0], MEMBERSHIPS[2]]);
    expect(c2).toEqual([MEMBERSHIPS[1]]);
    expect(c3).toEqual([]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith(['c2', 'c1', 'c3']);
  });

  it('gives each key without rows its own empty array', async () => {
    const loader = createGroupLoader<string, Membership>(async () => [], (row) => row.cityId);
    const [a, b] = await Promise.all([loader.load('a'), loader.load('b')]);
    expect(a).toEqual([]);
    expect(b).toEqual([]);
    expect(a).not.toBe(b);
  });
});

describe('createArgsLoader', () => {
  interface MembersKey {
    networkId: string;
    first: number;
  }

  it('treats distinct key objects with equal values as one key', async () => {
    const batch = jest.fn(async (keys: readonly MembersKey[]) => keys.map((key) => `${key.networkId}:${key.first}`));
    const loader = createArgsLoader<MembersKey, string>(batch);
    const results = await Promise.all([loader.load({ networkId: 'n1', first: 10 }), loader.load({ networkId: 'n1', first: 10 })]);
    expect(results).toEqual(['n1:10', 'n1:10']);
    expect(batch).toHaveBeenCalledTimes(1);
    expect(batch.mock.calls[0][0]).toEqual([{ networkId: 'n1', first: 10 }]);
  });

  it('treats keys that differ in any value as different keys', async () => {
    const batch = jest.fn(async (keys: readonly MembersKey[]) => keys.map((key) => `${key.networkId}:${key.first}`));
    const loader = createArgsLoader<MembersKey, string>(batch);
    const results = await Promise.all([loader.load({ networkId: 'n1', first: 10 }), loader.load({ networkId: 'n1', first: 20 }), loader.load({ networkId: 'n2', first: 10 })]);
    expect(results).toEqual(['n1:10', 'n1:20', 'n2:10']);
    expect(batch).toHaveBeenCalledTimes(1);
    expect(batch.mock.calls[0][0]).toHaveLength(3);
  });

  it('serves a later load of an equal key object from the cache', async () => {
    const batch = jest.fn(async (keys: readonly MembersKey[]) => keys.map((key) => key.first * 2));
    const loader = createArgsLoader<MembersKey, number>(batch);
    await expect(loader.load({ networkId: 'n1', first: 10 })).resolves.toBe(20);
    await expect(loader.load({ networkId: 'n1', first: 10 })).resolves.toBe(20);
    expect(batch).toHaveBeenCalledTimes(1);
  });
});
