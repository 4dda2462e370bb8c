// A city's resources are read city by city (each from the index on `city_ids`, then sorted), not
// numbered in one window over every city asked for. The pages must be what ordering all of a
// city's resources gives (newest first, then by id), page after page, for a city asked alone or
// among many, with archived resources left out, in one statement for all the cities of a page.
import type { DataSource } from 'typeorm';
import type { GraphQLResponse } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from './helpers/startHub';

let hub: RunningHub;
let knowledge: DataSource;
const CITIES = ['dk-copenhagen', 'dk-aarhus', 'se-malmo', 'no-oslo', 'fi-helsinki', 'is-reykjavik'];

beforeAll(async () => {
  hub = await startHub({ gateway: { responseCache: { store: 'off' } } });
  knowledge = hub.subgraphs.knowledge.dataSource;
  // 90 more resources on six seeded cities: dates repeat (ties broken by id), some have only a
  // year, some none, some are archived, and some belong to two of the cities.
  await knowledge.query(
    `INSERT INTO knowledge.resources (id, title, kind, language, languages, url, published_on, published_year, city_ids, owner, archived_at)
     SELECT 'fx-city-list-' || lpad(n::text, 3, '0'), 'City list fixture ' || n, 'REPORT', 'en', ARRAY['en'], 'https://example.org/' || n,
            CASE WHEN n % 5 = 0 THEN NULL ELSE DATE '2020-01-01' + (n % 7) * 30 END,
            CASE WHEN n % 10 = 0 THEN NULL WHEN n % 5 = 0 THEN 2019 ELSE extract(year FROM DATE '2020-01-01' + (n % 7) * 30)::int END,
            CASE WHEN n % 4 = 0 THEN ARRAY[($1::text[])[1 + n % 6], ($1::text[])[1 + (n + 1) % 6]] ELSE ARRAY[($1::text[])[1 + n % 6]] END,
            'DK', CASE WHEN n % 9 = 0 THEN now() END
       FROM generate_series(1, 90) AS n`,
    [CITIES],
  );
});
afterAll(() => hub?.stop());

/** Every resource of the city that is not archived, in listing order, straight from the table. */
async function expectedOf(city: string): Promise<string[]> {
  const rows: { id: string }[] = await knowledge.query(
    `SELECT id FROM knowledge.resources WHERE $1 = ANY(city_ids) AND archived_at IS NULL ORDER BY sort_date DESC, id`,
    [city],
  );
  return rows.map((r) => r.id);
}

/** Walks the resources of `city` page by page, asked together with `others` at every step. */
async function walk(city: string, others: readonly string[], first: number): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const asked = [city, ...others];
    const query = `query ($first: Int!, $after: String) { ${asked
      .map((id, i) => `c${i}: city(id: "${id}") { id resources(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`)
      .join(' ')} }`;
    const res: GraphQLResponse = await hub.query(query, { first, after });
    expect(res.errors).toBeUndefined();
    const page: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string } }[] } = res.data?.c0.resources;
    seen.push(...page.edges.map((e) => e.node.id));
    if (!page.pageInfo.hasNextPage) return seen;
    after = page.pageInfo.endCursor;
  }
  throw new Error('more than 100 pages');
}

test.each(CITIES.map((city, i) => [city, i] as const))('%s: pages of 4, alone and among the other cities, give its resources in listing order', async (city, i) => {
  const expected = await expectedOf(city);
  // More than two pages, so cursors are followed.
  expect(expected.length).toBeGreaterThan(8);
  expect(await walk(city, [], 4)).toEqual(expected);
  expect(await walk(city, [...CITIES.slice(0, i), ...CITIES.slice(i + 1)], 4)).toEqual(expected);
});

test('the first page of every city of a 100-city page is its newest resources, in one statement', async () => {
  const res = await hub.query(`{ cities(first: 100) { edges { node { id resources(first: 3) { edges { node { id } } } } } } }`);
  expect(res.errors).toBeUndefined();
  const pages = new Map<string, string[]>(res.data?.cities.edges.map((e: any) => [e.node.id, e.node.resources.edges.map((r: any) => r.node.id)]));
  for (const city of CITIES) expect(pages.get(city)).toEqual((await expectedOf(city)).slice(0, 3));

  const before = hub.subgraphs.knowledge.queries.statements;
  const recording = hub.subgraphs.knowledge.queries.record();
  await hub.query(`{ cities(first: 100) { edges { node { id resources(first: 3) { edges { node { id } } } } } } }`);
  recording.stop();
  // Every city's page, with the rows of its resources.
  expect(hub.subgraphs.knowledge.queries.statements - before).toBe(1);
  expect(recording.sql.filter((sql) => sql.includes('city_ids @>'))).toHaveLength(1);
});
