// A frontend team's first request: one query to the gateway answers what the membership subgraph knows.
import type { GraphQLResponse } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from './helpers/startHub';

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.stop());

test('lists Danish cities with their country and networks through the gateway', async () => {
  const res = await hub.query(`{
    cities(first: 5, filter: { country: "DK" }) {
      totalCount
      edges { node { name country { code } memberships { network { name } status } } }
    }
  }`);
  expect(res.errors).toBeUndefined();
  expect(res.data).toEqual({
    cities: {
      totalCount: 2,
      edges: [
        { node: { name: 'Aarhus', country: { code: 'DK' }, memberships: [{ network: { name: 'Strong Cities Network' }, status: 'ACTIVE' }] } },
        {
          node: {
            name: 'Copenhagen',
            country: { code: 'DK' },
            memberships: expect.arrayContaining([
              { network: { name: 'Nordic Safe Cities' }, status: 'ACTIVE' },
              { network: { name: 'Strong Cities Network' }, status: 'ACTIVE' },
            ]),
          },
        },
      ],
    },
  });
});

describe('cities', () => {
  const PAGE = `query ($first: Int, $after: String, $filter: CityFilter) {
    cities(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } } }
  }`;

  test('pages through every city once, by name, with no duplicates and no gaps', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (let page = 0; page < 20; page += 1) {
      const res: GraphQLResponse = await hub.query(PAGE, { first: 4, after });
      expect(res.errors).toBeUndefined();
      const cities: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { cursor: string; node: { id: string } }[] } = res.data?.cities;
      totalCount = cities.totalCount;
      ids.push(...cities.edges.map((e) => e.node.id));
      if (!cities.pageInfo.hasNextPage) break;
      expect(cities.pageInfo.endCursor).toBe(cities.edges[cities.edges.length - 1].cursor);
      after = cities.pageInfo.endCursor;
    }
    expect(totalCount).toBe(21);
    expect(ids).toHaveLength(21);
    expect(new Set(ids).size).toBe(21);
    const all = await hub.query(PAGE, { first: 100 });
    expect(all.data?.cities.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(ids);
  });

  test('defaults to 20 per page', async () => {
    const res = await hub.query(PAGE, {});
    expect(res.data?.cities.edges).toHaveLength(20);
    expect(res.data?.cities.pageInfo.hasNextPage).toBe(true);
  });

  test.each([
    [{ country: 'NO', network: 'safe-city-norway' }, 12],
    [{ network: 'strong-cities-network' }, 6],
    [{ network: 'nordic-safe-cities', status: 'ACTIVE' }, 20],
    [{ network: 'nordic-safe-cities', status: 'FORMER' }, 0],
    [{ nameContains: 'holm' }, 1],
    [{ nameContains: 'GÖTE' }, 1],
    [{ nameContains: '%' }, 0],
    [{ country: 'GL' }, 0],
  ])('filters by %j', async (filter, expected) => {
    const res = await hub.query(PAGE, { first: 100, filter });
    expect(res.errors).toBeUndefined();
    expect(res.data?.cities.totalCount).toBe(expected);
    expect(res.data?.cities.edges).toHaveLength(expected);
  });

  test.each([
    [{ first: 101 }, /"first" must be between 0 and 100/],
    [{ first: -1 }, /"first"/],
    [{ after: 'not-a-cursor' }, /"after"/],
    [{ filter: { country: 'Danmark' } }, /country code/],
  ])('rejects %j with BAD_USER_INPUT', async (variables, message) => {
    const res = await hub.query(PAGE, variables);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0].message).toMatch(message);
  });
});

test('answers a city with its country, networks, cooperation models and sources in one request', async () => {
  const res = await hub.query(`{
    city(id: "dk-aarhus") {
      name nativeName version
      country { name nativeName languages }
      memberships { network { name shortName } role evidence sources { url } }
      cooperationModels { id nativeName level partnerSectors }
      sources { id url title }
    }
  }`);
  expect(res.errors).toBeUndefined();
  const city = res.data?.city;
  expect(city).toMatchObject({ name: 'Aarhus', nativeName: 'Aarhus', version: 1, country: { name: 'Denmark', nativeName: 'Danmark', languages: ['da'] } });
  expect(city.memberships).toEqual([expect.objectContaining({ network: { name: 'Strong Cities Network', shortName: 'SCN' }, role: 'International Steering Committee member' })]);
  expect(city.memberships[0].sources.length).toBeGreaterThan(0);
  expect(city.cooperationModels.map((m: { id: string }) => m.id).sort()).toEqual(['dk-aarhus-model', 'dk-infohuse', 'dk-ssp']);
  expect(city.sources.length).toBeGreaterThan(0);
});

test('lists countries, networks and cooperation models by country', async () => {
  const res = await hub.query(`{
    countries { code sovereign { code } }
    networks { id founded website }
    cooperationModels(country: "NO") { id country { code } }
    country(code: "fo") { name nativeNames { language name } }
    network(id: "unknown") { id }
  }`);
  expect(res.errors).toBeUndefined();
  expect(res.data?.countries).toHaveLength(8);
  expect(res.data?.countries).toContainEqual({ code: 'GL', sovereign: { code: 'DK' } });
  expect(res.data?.networks).toContainEqual({ id: 'nordic-safe-cities', founded: 2016, website: 'https://nordicsafecities.org' });
  expect(res.data?.cooperationModels.map((m: { id: string }) => m.id).sort()).toEqual(['no-national-guidance-rvts', 'no-slt']);
  expect(res.data?.country).toEqual({ name: 'Faroe Islands', nativeNames: [{ language: 'fo', name: 'Føroyar' }, { language: 'da', name: 'Færøerne' }] });
  expect(res.data?.network).toBeNull();
});
