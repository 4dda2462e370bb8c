// eventStats counts what walking the event list finds, by forum, year, country held in and kind,
// alone and combined, with the same filter as `events`; one SQL statement for the counts.
import type { GraphQLResponse } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from './helpers/startHub';

let hub: RunningHub;

type Dimension = 'FORUM' | 'YEAR' | 'COUNTRY' | 'KIND';
type Walked = Record<Dimension, string | number | null>;
type EventPage = { events: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { startsOn: string; kind: string; forum: { id: string } | null; country: { code: string } | null } }[] } };

beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.stop());

async function walkEvents(filter: string): Promise<Walked[]> {
  const found: Walked[] = [];
  let after: string | null = null;
  do {
    const res: GraphQLResponse<EventPage> = await hub.query<EventPage>(
      `query ($after: String) { events(first: 100, after: $after, filter: ${filter}) { pageInfo { hasNextPage endCursor } edges { node { startsOn kind forum { id } country { code } } } } }`,
      { after },
    );
    expect(res.errors).toBeUndefined();
    for (const { node } of res.data!.events.edges) {
      found.push({ FORUM: node.forum?.id ?? null, YEAR: Number(node.startsOn.slice(0, 4)), COUNTRY: node.country?.code ?? null, KIND: node.kind });
    }
    after = res.data!.events.pageInfo.hasNextPage ? res.data!.events.pageInfo.endCursor : null;
  } while (after);
  return found;
}

const tally = (events: Walked[], dimensions: Dimension[]) => {
  const counts = new Map<string, number>();
  for (const e of events) {
    const key = dimensions.map((d) => String(e[d])).join('|');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
};

const CASES: [string, Dimension[], string][] = [
  ['by forum', ['FORUM'], '{}'],
  ['by year', ['YEAR'], '{}'],
  ['by country held in', ['COUNTRY'], '{}'],
  ['by forum and kind', ['FORUM', 'KIND'], '{}'],
  ['by year, for events in or with Sweden since 2016', ['YEAR'], '{ country: "SE", from: "2016-01-01" }'],
];

test.each(CASES)('%s: the counts walking the list gives, in one statement', async (_what, dimensions, filter) => {
  const walked = await walkEvents(filter);
  const before = hub.subgraphs.forums.queries.statements;
  const res = await hub.query<{ eventStats: { total: number; rows: { key: { forum: { id: string } | null; year: number | null; country: { code: string } | null; kind: string | null }; count: number }[] } }>(
    `{ eventStats(groupBy: [${dimensions.join(', ')}], filter: ${filter}) { total rows { key { forum { id } year country { code } kind } count } } }`,
  );
  expect(res.errors).toBeUndefined();
  const counts = new Map<string, number>();
  for (const { key, count } of res.data!.eventStats.rows) {
    const values: Walked = { FORUM: key.forum?.id ?? null, YEAR: key.year, COUNTRY: key.country?.code ?? null, KIND: key.kind };
    counts.set(dimensions.map((d) => String(values[d])).join('|'), count);
  }
  expect(res.data!.eventStats.total).toBe(walked.length);
  expect(counts).toEqual(tally(walked, dimensions));
  // The counts, and the forums named in the keys when grouped by forum.
  expect(hub.subgraphs.forums.queries.statements - before).toBe(dimensions.includes('FORUM') ? 2 : 1);
});
