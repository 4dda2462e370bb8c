// The number of SQL statements a request costs does not grow with the number of rows it returns:
// every list and reference field is batched through a DataLoader.
import { startHub, type RunningHub } from './helpers/startHub';

let hub: RunningHub;

beforeAll(async () => {
  hub = await startHub();
  const db = hub.subgraphs.membership.dataSource;
  // 150 more cities, each a member of two networks, so first: 100 returns 100 full rows.
  await db.query(`
    INSERT INTO membership.cities (id, name, country_code, owner)
    SELECT 'se-loadtown-' || n, 'Loadtown ' || lpad(n::text, 3, '0'), (ARRAY['DK','NO','SE','FI','IS'])[1 + n % 5], 'SE'
      FROM generate_series(1, 150) AS n`);
  await db.query(`
    INSERT INTO membership.memberships (city_id, network_id, status)
    SELECT c.id, n.id, 'ACTIVE' FROM membership.cities c
      CROSS JOIN (VALUES ('nordic-safe-cities'), ('strong-cities-network')) AS n(id)
     WHERE c.id LIKE 'se-loadtown-%'`);
});
afterAll(() => hub?.stop());

const CITIES = `query ($first: Int!) {
  cities(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id name country { code name languages } memberships { status role network { id name } } cooperationModels { name } } }
  }
}`;

async function statementsFor(first: number): Promise<{ statements: number; rows: number }> {
  const membership = hub.subgraphs.membership;
  const before = membership.queries.statements;
  const res = await hub.query(CITIES, { first });
  expect(res.errors).toBeUndefined();
  return { statements: membership.queries.statements - before, rows: res.data?.cities.edges.length };
}

test('cities(first: 10) and cities(first: 100) with countries, memberships and networks cost the same number of statements', async () => {
  const ten = await statementsFor(10);
  const hundred = await statementsFor(100);
  expect(ten.rows).toBe(10);
  expect(hundred.rows).toBe(100);
  expect(hundred.statements).toBe(ten.statements);
  // page, count, countries, memberships, networks, cooperation-model links, cooperation models
  expect(ten.statements).toBeLessThanOrEqual(7);
});

test('network member lists for every network cost the same as for one', async () => {
  const membership = hub.subgraphs.membership;
  const cost = async (query: string) => {
    const before = membership.queries.statements;
    const res = await hub.query(query);
    expect(res.errors).toBeUndefined();
    return membership.queries.statements - before;
  };
  const one = await cost(`{ network(id: "nordic-safe-cities") { members(first: 50) { totalCount edges { node { city { name country { code } } } } } } }`);
  const all = await cost(`{ networks { members(first: 50) { totalCount edges { node { city { name country { code } } } } } } }`);
  expect(all).toBe(one);
});
