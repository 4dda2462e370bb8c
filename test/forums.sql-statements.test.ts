// Event lists cost the same number of SQL statements however many events, participants, forums
// or cities a page shows: in the forums subgraph, and in membership where participants' cities
// are resolved. Every list and reference field of forums is batched through a DataLoader.
import { startHub, type RunningHub } from './helpers/startHub';

let hub: RunningHub;

/** Seeded hub cities with their countries: the bulk events' participants. */
const CITIES = [
  ['dk-copenhagen', 'DK'],
  ['se-malmo', 'SE'],
  ['no-oslo', 'NO'],
  ['fi-helsinki', 'FI'],
  ['is-reykjavik', 'IS'],
] as const;
const BULK_EVENTS = 200;
const BULK_CITIES = 150;

beforeAll(async () => {
  // Rows are written straight into the subgraphs' databases, which the gateway's response cache
  // does not hear of: every answer here comes from the subgraphs.
  hub = await startHub({ gateway: { responseCache: { store: 'off' } } });
  const forums = hub.subgraphs.forums.dataSource;
  const membership = hub.subgraphs.membership.dataSource;
  // 200 more events, newer than any seeded one, 50 for each of four forums.
  await forums.query(
    `INSERT INTO forums.events (id, title, kind, starts_on, country_code, forum_id, owner)
     SELECT 'fx-load-' || n, 'Load event ' || lpad(n::text, 3, '0'), 'CONFERENCE', DATE '2030-01-01' + n, 'SE',
            (ARRAY['nordic-safe-cities', 'gctf', 'ran', 'strong-cities-network'])[1 + n % 4], 'SE'
       FROM generate_series(1, $1::int) AS n`,
    [BULK_EVENTS],
  );
  // Each with two seeded cities taking part (one represented by a named organisation) ...
  await forums.query(
    `INSERT INTO forums.participations (event_id, city_id, country_code, organisation, role, owner)
     SELECT 'fx-load-' || n, c.city, c.country, CASE WHEN k = 0 THEN 'Mayor''s office ' || n END, (ARRAY['HOST', 'SPEAKER'])[1 + k], c.country
       FROM generate_series(1, $1::int) AS n
      CROSS JOIN generate_series(0, 1) AS k
       JOIN unnest($2::text[], $3::text[]) WITH ORDINALITY AS c(city, country, i) ON c.i = 1 + (n + k) % $4::int`,
    [BULK_EVENTS, CITIES.map((c) => c[0]), CITIES.map((c) => c[1]), CITIES.length],
  );
  // ... and 150 more cities in membership, each taking part in at least one of them.
  await membership.query(
    `INSERT INTO membership.cities (id, name, country_code, owner)
     SELECT 'se-loadtown-' || n, 'Loadtown ' || lpad(n::text, 3, '0'), 'SE', 'SE' FROM generate_series(1, $1::int) AS n`,
    [BULK_CITIES],
  );
  await forums.query(
    `INSERT INTO forums.participations (event_id, city_id, country_code, role, owner)
     SELECT 'fx-load-' || n, 'se-loadtown-' || (1 + n % $2::int), 'SE', 'DELEGATE', 'SE' FROM generate_series(1, $1::int) AS n`,
    [BULK_EVENTS, BULK_CITIES],
  );
});
afterAll(() => hub?.stop());

/** Statements each subgraph sent while the gateway answered `query`. */
async function cost(query: string): Promise<{ forums: number; membership: number; data: Record<string, any> }> {
  const { forums, membership } = hub.subgraphs;
  const before = { forums: forums.queries.statements, membership: membership.queries.statements };
  const res = await hub.query(query);
  expect(res.errors).toBeUndefined();
  return { forums: forums.queries.statements - before.forums, membership: membership.queries.statements - before.membership, data: res.data ?? {} };
}

test('events(first: 10) and events(first: 100) with forums and participants cost the same statements in forums and in membership', async () => {
  const events = (first: number) => `{ events(first: ${first}) { edges { node { title forum { name } participants { role city { name } organisation } } } } }`;
  const ten = await cost(events(10));
  const hundred = await cost(events(100));
  expect(ten.data.events.edges).toHaveLength(10);
  expect(hundred.data.events.edges).toHaveLength(100);
  for (const { node } of hundred.data.events.edges) {
    expect(node.forum.name).toBeTruthy();
    expect(node.participants).toHaveLength(3);
    for (const p of node.participants) expect(p.city.name).toBeTruthy();
  }
  expect(hundred.forums).toBe(ten.forums);
  expect(hundred.membership).toBe(ten.membership);
  // forums: the page, the forums by id, the participations by event
  expect(ten.forums).toBeLessThanOrEqual(3);
  // membership: the participants' cities by id
  expect(ten.membership).toBeLessThanOrEqual(1);
});

test("every forum's events cost the same statements as one forum's", async () => {
  const selection = `events(first: 50) { totalCount edges { node { title participants { role city { name } } } } }`;
  const one = await cost(`{ forum(id: "gctf") { ${selection} } }`);
  const all = await cost(`{ forums { id ${selection} } }`);
  expect(one.data.forum.events.edges).toHaveLength(50);
  expect(one.data.forum.events.totalCount).toBeGreaterThan(50);
  const listed = all.data.forums.filter((f: { events: { edges: unknown[] } }) => f.events.edges.length === 50);
  expect(listed.length).toBeGreaterThanOrEqual(4);
  expect(all.forums).toBe(one.forums);
  expect(all.membership).toBe(one.membership);
  // the forum (or forums), one window of event ids for every forum, the events by id, the counts, the participations
  expect(one.forums).toBeLessThanOrEqual(5);
});

describe('cities(first: 100) cost the same forums statements as cities(first: 10)', () => {
  const cities = (first: number, selection: string) => `{ cities(first: ${first}) { edges { node { id ${selection} } } } }`;
  const PARTICIPATIONS = 'participations { role event { title } }';
  const EVENTS = 'events(first: 5) { totalCount edges { node { id } } }';
  const bothSizes = async (selection: string) => {
    const ten = await cost(cities(10, selection));
    const hundred = await cost(cities(100, selection));
    expect(ten.data.cities.edges).toHaveLength(10);
    expect(hundred.data.cities.edges).toHaveLength(100);
    const loadtowns = hundred.data.cities.edges.filter((e: { node: { id: string } }) => e.node.id.startsWith('se-loadtown-'));
    expect(loadtowns.length).toBeGreaterThan(50);
    return { ten: ten.forums, hundred: hundred.forums, loadtowns };
  };

  test('with their participations and the events they took part in', async () => {
    const { ten, hundred, loadtowns } = await bothSizes(PARTICIPATIONS);
    for (const { node } of loadtowns) expect(node.participations.length).toBeGreaterThan(0);
    expect(hundred).toBe(ten);
    // the participations of every city, their events by id
    expect(ten).toBeLessThanOrEqual(2);
  });

  test('with a page of their events and its total', async () => {
    const { ten, hundred, loadtowns } = await bothSizes(EVENTS);
    for (const { node } of loadtowns) expect(node.events.totalCount).toBeGreaterThan(0);
    expect(hundred).toBe(ten);
    // one window of event ids for every city, those events' rows, the counts
    expect(ten).toBeLessThanOrEqual(3);
  });

  test('with both in one request: what the two lists cost separately, at either page size', async () => {
    const separately = (await bothSizes(PARTICIPATIONS)).ten + (await bothSizes(EVENTS)).ten;
    const { ten, hundred, loadtowns } = await bothSizes(`${PARTICIPATIONS} ${EVENTS}`);
    for (const { node } of loadtowns) expect(node.events.totalCount).toBe(node.participations.length);
    // The event lists fetch their own rows, so the cost does not depend on which loads happen to
    // share a batch.
    expect(ten).toBe(separately);
    expect(hundred).toBe(separately);
  });
});
