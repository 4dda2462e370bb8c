// membershipStats counts what walking the lists finds: by country, network, status and year joined,
// alone and combined, with a filter, unknown years as a group of their own, and a total. On the seed
// and on a generated data set; one SQL statement for the counts however many groups there are.
import type { GraphQLResponse } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from './helpers/startHub';

let hub: RunningHub;

type Walked = { country: string; network: string; status: string; yearJoined: number | null };
type CityPage = { cities: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { country: { code: string }; memberships: { network: { id: string }; status: string; joinedYear: number | null }[] } }[] } };

beforeAll(async () => {
  // Rows are written straight into the subgraphs' databases, which the gateway's response cache
  // does not hear of: every answer here comes from the subgraphs.
  hub = await startHub({ gateway: { responseCache: { store: 'off' } } });
});
afterAll(() => hub?.stop());

/** Every membership, found by walking the city list page by page. */
async function walkMemberships(): Promise<Walked[]> {
  const found: Walked[] = [];
  let after: string | null = null;
  do {
    const res: GraphQLResponse<CityPage> = await hub.query<CityPage>(
      'query ($after: String) { cities(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { country { code } memberships { network { id } status joinedYear } } } } }',
      { after },
    );
    expect(res.errors).toBeUndefined();
    for (const { node } of res.data!.cities.edges) {
      for (const m of node.memberships) found.push({ country: node.country.code, network: m.network.id, status: m.status, yearJoined: m.joinedYear });
    }
    after = res.data!.cities.pageInfo.hasNextPage ? res.data!.cities.pageInfo.endCursor : null;
  } while (after);
  return found;
}

const DIMENSION_KEYS = { COUNTRY: 'country', NETWORK: 'network', STATUS: 'status', YEAR_JOINED: 'yearJoined' } as const;
type Dimension = keyof typeof DIMENSION_KEYS;

/** Counts by the dimensions, keyed by their values joined with `|` (unknown as `null`). */
function tally(memberships: Walked[], dimensions: Dimension[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of memberships) {
    const key = dimensions.map((d) => String(m[DIMENSION_KEYS[d]])).join('|');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

async function stats(dimensions: Dimension[], filter = '{}'): Promise<{ total: number; counts: Map<string, number>; statements: number }> {
  const before = hub.subgraphs.membership.queries.statements;
  const res = await hub.query<{ membershipStats: { total: number; rows: { key: { country: { code: string } | null; network: { id: string } | null; status: string | null; yearJoined: number | null }; count: number }[] } }>(
    `{ membershipStats(groupBy: [${dimensions.join(', ')}], filter: ${filter}) { total rows { key { country { code name } network { id name } status yearJoined } count } } }`,
  );
  expect(res.errors).toBeUndefined();
  const statements = hub.subgraphs.membership.queries.statements - before;
  const counts = new Map<string, number>();
  for (const row of res.data!.membershipStats.rows) {
    const values = { country: row.key.country?.code ?? null, network: row.key.network?.id ?? null, status: row.key.status, yearJoined: row.key.yearJoined };
    counts.set(dimensions.map((d) => String(values[DIMENSION_KEYS[d]])).join('|'), row.count);
  }
  return { total: res.data!.membershipStats.total, counts, statements };
}

const GROUPINGS: Dimension[][] = [['COUNTRY'], ['NETWORK'], ['STATUS'], ['YEAR_JOINED'], ['COUNTRY', 'NETWORK'], ['NETWORK', 'STATUS', 'YEAR_JOINED']];

test.each(GROUPINGS.map((g) => [g.join(' × '), g] as const))('on the seed, by %s: the counts walking the lists gives', async (_name, dimensions) => {
  const walked = await walkMemberships();
  const { total, counts } = await stats(dimensions);
  expect(total).toBe(walked.length);
  expect(counts).toEqual(tally(walked, dimensions));
});

test('unknown years are a group of their own, never dropped; a filter counts only what it matches', async () => {
  const walked = await walkMemberships();
  const byYear = await stats(['YEAR_JOINED']);
  expect(byYear.counts.get('null')).toBe(walked.filter((m) => m.yearJoined === null).length);
  expect(byYear.counts.get('null')).toBeGreaterThan(0);
  const norway = await stats(['NETWORK'], '{ country: "NO" }');
  expect(norway.counts).toEqual(tally(walked.filter((m) => m.country === 'NO'), ['NETWORK']));
  const nothing = await stats([]);
  expect(nothing.counts).toEqual(new Map([['', walked.length]]));
});

test('on a generated data set: the same counts, and one statement for them whatever the number of groups', async () => {
  const db = hub.subgraphs.membership.dataSource;
  // 240 more cities in four countries, each a member of one to three networks, joined over 60 years or unknown.
  await db.query(
    `INSERT INTO membership.cities (id, name, country_code, owner)
     SELECT lower(cc) || '-generated-' || n, 'Generated ' || n, cc, cc
       FROM generate_series(1, 240) AS n, LATERAL (SELECT (ARRAY['DK', 'NO', 'SE', 'FI'])[1 + n % 4] AS cc) AS c`,
  );
  await db.query(
    `INSERT INTO membership.memberships (city_id, network_id, status, joined_year)
     SELECT lower(cc) || '-generated-' || n, network, (ARRAY['ACTIVE', 'FORMER', 'CANDIDATE'])[1 + (n + k) % 3],
            CASE WHEN n % 7 = 0 THEN NULL ELSE 1960 + (n * k) % 60 END
       FROM generate_series(1, 240) AS n
      CROSS JOIN LATERAL (SELECT (ARRAY['DK', 'NO', 'SE', 'FI'])[1 + n % 4] AS cc) AS c
      CROSS JOIN LATERAL unnest((ARRAY['nordic-safe-cities', 'strong-cities-network', 'safe-city-norway'])[1:1 + n % 3]) WITH ORDINALITY AS x(network, k)`,
  );
  const walked = await walkMemberships();
  for (const dimensions of GROUPINGS) {
    const { total, counts } = await stats(dimensions);
    expect(total).toBe(walked.length);
    expect(counts).toEqual(tally(walked, dimensions));
  }
  const few = await stats(['STATUS']);
  const many = await stats(['NETWORK', 'STATUS', 'YEAR_JOINED']);
  expect(many.counts.size).toBeGreaterThan(few.counts.size * 20);
  // The counts, and the networks named in the groups (one batch); countries are not selected here.
  expect(many.statements).toBe(few.statements + 1);
  expect(few.statements).toBe(1);
});

test('a dimension named twice or an unknown country: BAD_USER_INPUT, the stats null', async () => {
  for (const args of ['groupBy: [NETWORK, NETWORK]', 'groupBy: [NETWORK], filter: { country: "Denmark" }']) {
    const res = await hub.query(`{ membershipStats(${args}) { total } }`);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(res.data?.membershipStats).toBeNull();
  }
});
