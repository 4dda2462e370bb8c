// participationStats counts what walking the event list and its participants finds: by forum,
// year, country, city, role and event kind, alone and combined, with a filter; a participant with
// no city (a country or an organisation on its own) is in the unknown city group. On the seed and
// on a generated data set; one SQL statement for the counts however many groups there are.
import type { GraphQLResponse } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from './helpers/startHub';

let hub: RunningHub;

type Dimension = 'FORUM' | 'YEAR' | 'COUNTRY' | 'CITY' | 'ROLE' | 'EVENT_KIND';
type Walked = Record<Dimension, string | number | null>;
type EventPage = {
  events: {
    pageInfo: { hasNextPage: boolean; endCursor: string };
    edges: { node: { startsOn: string; kind: string; forum: { id: string } | null; participants: { role: string; city: { id: string } | null; country: { code: string } | null }[] } }[];
  };
};

beforeAll(async () => {
  // Rows are written straight into the subgraphs' databases, which the gateway's response cache
  // does not hear of: every answer here comes from the subgraphs.
  hub = await startHub({ gateway: { responseCache: { store: 'off' } } });
});
afterAll(() => hub?.stop());

async function walkParticipations(): Promise<Walked[]> {
  const found: Walked[] = [];
  let after: string | null = null;
  do {
    const res: GraphQLResponse<EventPage> = await hub.query<EventPage>(
      `query ($after: String) { events(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
         edges { node { startsOn kind forum { id } participants { role city { id } country { code } } } } } }`,
      { after },
    );
    expect(res.errors).toBeUndefined();
    for (const { node } of res.data!.events.edges) {
      for (const p of node.participants) {
        found.push({ FORUM: node.forum?.id ?? null, YEAR: Number(node.startsOn.slice(0, 4)), COUNTRY: p.country?.code ?? null, CITY: p.city?.id ?? null, ROLE: p.role, EVENT_KIND: node.kind });
      }
    }
    after = res.data!.events.pageInfo.hasNextPage ? res.data!.events.pageInfo.endCursor : null;
  } while (after);
  return found;
}

function tally(participations: Walked[], dimensions: Dimension[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of participations) {
    const key = dimensions.map((d) => String(p[d])).join('|');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

async function stats(dimensions: Dimension[], filter = '{}'): Promise<{ total: number; counts: Map<string, number>; statements: number }> {
  const before = hub.subgraphs.forums.queries.statements;
  const res = await hub.query<{ participationStats: { total: number; rows: { key: Record<string, any>; count: number }[] } }>(
    `{ participationStats(groupBy: [${dimensions.join(', ')}], filter: ${filter}) { total rows { key { forum { id } year country { code } city { id } role eventKind } count } } }`,
  );
  expect(res.errors).toBeUndefined();
  const statements = hub.subgraphs.forums.queries.statements - before;
  const counts = new Map<string, number>();
  for (const { key, count } of res.data!.participationStats.rows) {
    const values: Walked = { FORUM: key.forum?.id ?? null, YEAR: key.year, COUNTRY: key.country?.code ?? null, CITY: key.city?.id ?? null, ROLE: key.role, EVENT_KIND: key.eventKind };
    counts.set(dimensions.map((d) => String(values[d])).join('|'), count);
  }
  return { total: res.data!.participationStats.total, counts, statements };
}

const GROUPINGS: Dimension[][] = [['FORUM'], ['YEAR'], ['COUNTRY'], ['CITY'], ['ROLE'], ['EVENT_KIND'], ['FORUM', 'YEAR'], ['COUNTRY', 'ROLE', 'EVENT_KIND']];

test.each(GROUPINGS.map((g) => [g.join(' × '), g] as const))('on the seed, by %s: the counts walking the lists gives', async (_name, dimensions) => {
  const walked = await walkParticipations();
  const { total, counts } = await stats(dimensions);
  expect(total).toBe(walked.length);
  expect(counts).toEqual(tally(walked, dimensions));
});

test('participants without a city are the unknown city group; a filter counts only what it matches', async () => {
  const walked = await walkParticipations();
  expect((await stats(['CITY'])).counts.get('null')).toBe(walked.filter((p) => p.CITY === null).length);
  const swedish = await stats(['ROLE'], '{ country: "SE" }');
  expect(swedish.counts).toEqual(tally(walked.filter((p) => p.COUNTRY === 'SE'), ['ROLE']));
});

test('on a generated data set: the same counts, and one statement for them whatever the number of groups', async () => {
  const db = hub.subgraphs.forums.dataSource;
  await db.query(
    `INSERT INTO forums.events (id, title, kind, starts_on, country_code, forum_id, owner)
     SELECT 'generated-' || n, 'Generated event ' || n, (ARRAY['CONFERENCE', 'SIDE_EVENT', 'WORKING_GROUP_MEETING'])[1 + n % 3],
            DATE '1995-01-01' + n * 37, 'SE', (ARRAY['nordic-safe-cities', 'gctf', 'ran'])[1 + n % 3], 'SE'
       FROM generate_series(1, 250) AS n`,
  );
  await db.query(
    `INSERT INTO forums.participations (event_id, city_id, country_code, role, owner)
     SELECT 'generated-' || n, CASE WHEN k = 1 THEN c.city END, c.country, (ARRAY['HOST', 'SPEAKER', 'DELEGATE'])[k], c.country
       FROM generate_series(1, 250) AS n
      CROSS JOIN generate_series(1, 3) AS k
      CROSS JOIN LATERAL (SELECT (ARRAY['dk-copenhagen', 'no-oslo', 'se-malmo'])[1 + (n + k) % 3] AS city, (ARRAY['DK', 'NO', 'SE'])[1 + (n + k) % 3] AS country) AS c`,
  );
  const walked = await walkParticipations();
  for (const dimensions of GROUPINGS) {
    const { total, counts } = await stats(dimensions);
    expect(total).toBe(walked.length);
    expect(counts).toEqual(tally(walked, dimensions));
  }
  const few = await stats(['ROLE']);
  const many = await stats(['YEAR', 'ROLE', 'EVENT_KIND']);
  expect(many.counts.size).toBeGreaterThan(few.counts.size * 20);
  expect(few.statements).toBe(1);
  expect(many.statements).toBe(1);
});
