// Loaders batch: whatever the number of keys, one statement per loader per request, results in
// key order; network member pages are stable (no duplicates, no gaps).
import { decodeNameCursor } from '@nsc-hub/shared';
import { startSubgraph, type RunningSubgraph } from '@nsc-hub/shared/src/testing';
import { createLoaders, membershipSubgraph } from '../src';

let subgraph: RunningSubgraph;
beforeAll(async () => {
  subgraph = await startSubgraph(membershipSubgraph);
});
afterAll(() => subgraph?.stop());

const counting = async <T>(fn: () => Promise<T>) => {
  const before = subgraph.queries.statements;
  const result = await fn();
  return { result, statements: subgraph.queries.statements - before };
};

test('cityById answers many keys with one statement, in key order, null where unknown', async () => {
  const loaders = createLoaders(subgraph.dataSource, 'en');
  const { result, statements } = await counting(() =>
    Promise.all(['no-oslo', 'xx-unknown', 'dk-copenhagen', 'no-oslo'].map((id) => loaders.cityById.load(id))),
  );
  expect(statements).toBe(1);
  expect(result.map((c) => c?.name ?? null)).toEqual(['Oslo', null, 'Copenhagen', 'Oslo']);
});

test('membershipsByCity groups memberships per city with one statement, [] for a city with none', async () => {
  await subgraph.dataSource.query(`INSERT INTO membership.cities (id, name, country_code, owner) VALUES ('is-testbaer', 'Testbær', 'IS', 'IS')`);
  const loaders = createLoaders(subgraph.dataSource, 'en');
  const { result, statements } = await counting(() =>
    Promise.all(['dk-copenhagen', 'is-testbaer', 'no-oslo'].map((id) => loaders.membershipsByCity.load(id))),
  );
  expect(statements).toBe(1);
  expect(result[0].map((m) => m.networkId).sort()).toEqual(['nordic-safe-cities', 'strong-cities-network']);
  expect(result[1]).toEqual([]);
  expect(result[2].map((m) => m.networkId).sort()).toEqual(['nordic-safe-cities', 'safe-city-norway', 'strong-cities-network']);
});

test('networkMembers answers several networks asked with the same arguments with one statement', async () => {
  const loaders = createLoaders(subgraph.dataSource, 'en');
  const networks = ['nordic-safe-cities', 'strong-cities-network', 'safe-city-norway'];
  const { result, statements } = await counting(() =>
    Promise.all(networks.map((networkId) => loaders.networkMembers.load({ networkId, status: null, first: 2, after: null }))),
  );
  expect(statements).toBe(1);
  for (const page of result) {
    expect(page.edges).toHaveLength(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
  }
  expect(result.map((page) => new Set(page.edges.map((e) => e.node.networkId)))).toEqual(networks.map((n) => new Set([n])));
});

test('networkMembers pages through every member once, in city-name order, with one statement per page', async () => {
  const seen: string[] = [];
  let after: readonly [string, string] | null = null;
  let pages = 0;
  for (;;) {
    const loaders = createLoaders(subgraph.dataSource, 'en');
    const { result: page, statements } = await counting(() =>
      loaders.networkMembers.load({ networkId: 'nordic-safe-cities', status: null, first: 3, after }),
    );
    expect(statements).toBe(1);
    const names = await Promise.all(page.edges.map(async (e) => (await loaders.cityById.load(e.node.cityId))!.name));
    seen.push(...names);
    pages += 1;
    if (!page.pageInfo.hasNextPage) break;
    after = decodeNameCursor(page.pageInfo.endCursor, 'en');
  }
  const [{ count }] = await subgraph.dataSource.query(`SELECT count(*)::int AS count FROM membership.memberships WHERE network_id = 'nordic-safe-cities'`);
  expect(seen).toHaveLength(count);
  expect(new Set(seen).size).toBe(count);
  expect(pages).toBe(Math.ceil(count / 3));
  const sorted: string[] = (
    await subgraph.dataSource.query(
      `SELECT c.name FROM membership.memberships m JOIN membership.cities c ON c.id = m.city_id WHERE m.network_id = 'nordic-safe-cities' ORDER BY c.name COLLATE "en-x-icu", m.id::text`,
    )
  ).map((r: { name: string }) => r.name);
  expect(seen).toEqual(sorted);
});

test('networkMembers counts only when totalCount is read, and filters by status', async () => {
  const loaders = createLoaders(subgraph.dataSource, 'en');
  const page = await loaders.networkMembers.load({ networkId: 'safe-city-norway', status: 'CANDIDATE', first: 10, after: null });
  expect(page.edges).toEqual([]);
  const total = typeof page.totalCount === 'function' ? await page.totalCount() : page.totalCount;
  expect(total).toBe(0);
  const active = await loaders.networkMembers.load({ networkId: 'safe-city-norway', status: 'ACTIVE', first: 100, after: null });
  const activeTotal = typeof active.totalCount === 'function' ? await active.totalCount() : active.totalCount;
  expect(activeTotal).toBe(active.edges.length);
  expect(active.edges.length).toBeGreaterThan(0);
});
