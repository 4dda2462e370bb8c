// Frontend pages for cities, countries, forums and events show where the network met the world:
// one gateway request joins a city's memberships, its resources and the events it took part in;
// event lists filter by country and date range exactly as documented, newest first, with stable
// pages; forum and event pages show the sourced facts, linked to membership and knowledge.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { TEST_SUBGRAPH_SECRET, errorCodes, graphqlRequest, type GraphQLResponse } from '@nsc-hub/shared/src/testing';
import { buildSeedRows } from '@nsc-hub/forums';
import { startHub, type RunningHub } from './helpers/startHub';

let hub: RunningHub;
let forumsDb: DataSource;
const seed = buildSeedRows();
// The hub's names of the dataset's cities (hub-cities.json, English name first; seed-links.test.ts checks them against membership's).
const HUB_CITIES: { city: string; name: string }[] = (
  JSON.parse(readFileSync(path.resolve(__dirname, '../subgraphs/forums/seed/data/hub-cities.json'), 'utf8')) as { city: string; names: string[] }[]
).map((c) => ({ city: c.city, name: c.names[0] }));
const cityName = (id: string) => HUB_CITIES.find((c) => c.city === id)?.name;

beforeAll(async () => {
  hub = await startHub();
  forumsDb = hub.subgraphs.forums.dataSource;
  await hub.subgraphs.knowledge.dataSource.query(`
    INSERT INTO knowledge.resources (id, title, kind, language, languages, owner, published_on, published_year, publisher_type, publisher_id, city_ids)
    VALUES ('fx-copenhagen-infohouse', 'The Copenhagen InfoHouse approach', 'GOOD_PRACTICE', 'en', '{en}', 'DK', '2022-10-24', 2022, 'CITY', 'dk-copenhagen', '{dk-copenhagen}')`);
});
afterAll(() => hub?.stop());

type SeedEvent = (typeof seed.events)[number];
const seededEvent = (id: string) => seed.events.find((e) => e.id === id) as SeedEvent;
const forumName = (id: string | null) => (id ? (seed.forums.find((f) => f.id === id)?.name ?? null) : null);
/** Newest first, ties by id: the order every event list promises. */
const newestFirst = (a: { startsOn: string; id: string }, b: { startsOn: string; id: string }) =>
  a.startsOn === b.startsOn ? (a.id < b.id ? -1 : 1) : a.startsOn > b.startsOn ? -1 : 1;

interface EventPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { id: string; startsOn: string } }[];
}

/** Follows endCursor until the last page; returns every node in the order the pages gave them. */
async function walk(fetchPage: (after: string | null) => Promise<EventPage>): Promise<{ ids: string[]; nodes: { id: string; startsOn: string }[]; pages: number }> {
  const nodes: { id: string; startsOn: string }[] = [];
  let after: string | null = null;
  for (let pages = 1; pages <= 100; pages += 1) {
    const page: EventPage = await fetchPage(after);
    nodes.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return { ids: nodes.map((n) => n.id), nodes, pages };
    expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
    after = page.pageInfo.endCursor;
  }
  throw new Error('more than 100 pages');
}

test('one request: a city, its memberships, its resources and the events it took part in', async () => {
  const res = await hub.query(`{
    city(id: "dk-copenhagen") {
      name
      memberships { network { name } status }
      resources(first: 100) { totalCount edges { node { title } } }
      participations { role event { title startsOn forum { name } } }
    }
  }`);
  expect(res.errors).toBeUndefined();
  const city = res.data?.city;
  expect(city.name).toBe('Copenhagen');
  expect(city.memberships).toEqual(expect.arrayContaining([{ network: { name: 'Nordic Safe Cities' }, status: 'ACTIVE' }]));
  expect(city.resources.edges).toContainEqual({ node: { title: 'The Copenhagen InfoHouse approach' } });
  expect(city.resources.totalCount).toBe(city.resources.edges.length);

  const expected = seed.participations
    .filter((p) => p.city_id === 'dk-copenhagen')
    .map((p) => seededEvent(p.event_id))
    .sort((a, b) => newestFirst({ startsOn: a.starts_on, id: a.id }, { startsOn: b.starts_on, id: b.id }))
    .map((e) => ({
      role: seed.participations.find((p) => p.event_id === e.id && p.city_id === 'dk-copenhagen')?.role,
      event: { title: e.title, startsOn: e.starts_on, forum: e.forum_id ? { name: forumName(e.forum_id) } : null },
    }));
  expect(expected.length).toBeGreaterThan(1);
  expect(city.participations).toEqual(expected);
  expect(city.participations).toContainEqual({ role: 'HOST', event: { title: 'Nordic Safe Cities Summit 2022', startsOn: '2022-10-24', forum: { name: 'Nordic Safe Cities' } } });
});

describe('Query.events with a country and a date range', () => {
  const RANGE = { country: 'DK', from: '2022-03-15', to: '2022-11-15' };

  interface Fixture {
    id: string;
    startsOn: string;
    endsOn?: string;
    precision?: 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';
    country: string | null;
    city?: string;
    participants?: { city?: string; country: string; organisation?: string }[];
  }
  // Inside, on and just outside both ends of the range; in another country; held abroad with a
  // Danish participant; spanning into the range; known only by week, month or year.
  const FIXTURES: Fixture[] = [
    { id: 'fx-dk-inside-a', startsOn: '2022-05-10', country: 'DK', city: 'dk-aarhus' },
    { id: 'fx-dk-inside-b', startsOn: '2022-05-10', country: 'DK' },
    { id: 'fx-dk-on-from', startsOn: '2022-03-15', country: 'DK' },
    { id: 'fx-dk-on-to', startsOn: '2022-11-15', country: 'DK' },
    { id: 'fx-dk-day-before', startsOn: '2022-03-14', country: 'DK' },
    { id: 'fx-dk-day-after', startsOn: '2022-11-16', country: 'DK' },
    { id: 'fx-dk-spanning', startsOn: '2022-03-01', endsOn: '2022-03-20', country: 'DK' },
    { id: 'fx-dk-ended-before', startsOn: '2022-03-01', endsOn: '2022-03-14', country: 'DK' },
    { id: 'fx-dk-month', startsOn: '2022-03-01', precision: 'MONTH', country: 'DK' },
    { id: 'fx-dk-month-before', startsOn: '2022-02-01', precision: 'MONTH', country: 'DK' },
    { id: 'fx-dk-month-of-to', startsOn: '2022-11-01', precision: 'MONTH', country: 'DK' },
    { id: 'fx-dk-week', startsOn: '2022-03-14', precision: 'WEEK', country: 'DK' },
    { id: 'fx-dk-week-before', startsOn: '2022-03-07', precision: 'WEEK', country: 'DK' },
    { id: 'fx-dk-year', startsOn: '2022-01-01', precision: 'YEAR', country: 'DK' },
    { id: 'fx-dk-year-before', startsOn: '2021-01-01', precision: 'YEAR', country: 'DK' },
    { id: 'fx-se-inside', startsOn: '2022-06-01', country: 'SE', city: 'se-malmo', participants: [{ city: 'se-malmo', country: 'SE' }] },
    { id: 'fx-abroad-aarhus', startsOn: '2022-09-20', country: null, participants: [{ city: 'dk-aarhus', country: 'DK' }] },
    { id: 'fx-abroad-danish-ministry', startsOn: '2022-07-01', country: null, participants: [{ country: 'DK', organisation: 'Danish Ministry of Justice' }] },
    { id: 'fx-abroad-malmo', startsOn: '2022-07-01', country: null, participants: [{ city: 'se-malmo', country: 'SE' }] },
    { id: 'fx-abroad-aarhus-after', startsOn: '2022-12-01', country: null, participants: [{ city: 'dk-aarhus', country: 'DK' }] },
  ];

  /** The documented semantics, read independently of the SQL: the last day an event may have run. */
  const lastDay = (startsOn: string, endsOn: string | null, precision: string): string => {
    if (endsOn) return endsOn;
    const d = new Date(`${startsOn}T00:00:00Z`);
    if (precision === 'WEEK') d.setUTCDate(d.getUTCDate() + 6);
    else if (precision === 'MONTH') return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
    else if (precision === 'YEAR') return `${startsOn.slice(0, 4)}-12-31`;
    return d.toISOString().slice(0, 10);
  };

  interface Candidate {
    id: string;
    startsOn: string;
    lastDay: string;
    country: string | null;
    participantCountries: (string | null)[];
  }
  const candidates: Candidate[] = [
    ...seed.events.map((e) => ({
      id: e.id,
      startsOn: e.starts_on,
      lastDay: lastDay(e.starts_on, e.ends_on, e.date_precision),
      country: e.country_code,
      participantCountries: seed.participations.filter((p) => p.event_id === e.id).map((p) => p.country_code),
    })),
    ...FIXTURES.map((f) => ({
      id: f.id,
      startsOn: f.startsOn,
      lastDay: lastDay(f.startsOn, f.endsOn ?? null, f.precision ?? 'DAY'),
      country: f.country,
      participantCountries: (f.participants ?? []).map((p) => p.country),
    })),
  ];
  const expectedIds = (filter: { country: string; from: string; to: string }) =>
    candidates
      .filter((c) => c.country === filter.country || c.participantCountries.includes(filter.country))
      .filter((c) => c.lastDay >= filter.from && c.startsOn <= filter.to)
      .sort(newestFirst)
      .map((c) => c.id);

  beforeAll(async () => {
    for (const f of FIXTURES) {
      await forumsDb.query(
        `INSERT INTO forums.events (id, title, kind, starts_on, ends_on, date_precision, city_id, country_code, venue, owner)
         VALUES ($1, $2, 'CONFERENCE', $3, $4, $5, $6, $7, $8, $9)`,
        [f.id, `Fixture ${f.id}`, f.startsOn, f.endsOn ?? null, f.precision ?? 'DAY', f.city ?? null, f.country, f.country ? null : 'New York, US', f.country ?? 'SECRETARIAT'],
      );
      for (const p of f.participants ?? []) {
        await forumsDb.query(
          `INSERT INTO forums.participations (event_id, city_id, country_code, organisation, role, owner) VALUES ($1, $2, $3, $4, 'DELEGATE', $3)`,
          [f.id, p.city ?? null, p.country, p.organisation ?? null],
        );
      }
    }
  });

  const PAGE = `query ($filter: EventFilter, $first: Int, $after: String) {
    events(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id startsOn } } }
  }`;
  const page = async (variables: Record<string, unknown>): Promise<EventPage> => {
    const res = await hub.query(PAGE, variables);
    expect(res.errors).toBeUndefined();
    return res.data?.events;
  };

  test('returns exactly the events held in the country or with a participant from it that overlap the range', async () => {
    const expected = expectedIds(RANGE);
    // The fixtures decide the answer, not the seed alone: the edge cases are in it, and their neighbours are not.
    expect(expected).toEqual(
      expect.arrayContaining(['fx-dk-on-from', 'fx-dk-on-to', 'fx-dk-spanning', 'fx-dk-month', 'fx-dk-month-of-to', 'fx-dk-week', 'fx-dk-year', 'fx-abroad-aarhus', 'fx-abroad-danish-ministry']),
    );
    for (const out of ['fx-dk-day-before', 'fx-dk-day-after', 'fx-dk-ended-before', 'fx-dk-month-before', 'fx-dk-week-before', 'fx-dk-year-before', 'fx-se-inside', 'fx-abroad-malmo', 'fx-abroad-aarhus-after']) {
      expect(expected).not.toContain(out);
    }
    expect(expected).toContain('nsc-summit-2022-copenhagen');

    const whole = await page({ filter: RANGE, first: 100 });
    expect(whole.edges.map((e) => e.node.id)).toEqual(expected);
    expect(whole.totalCount).toBe(expected.length);
    expect(whole.pageInfo.hasNextPage).toBe(false);
  });

  test('pages of two, following endCursor, give the same events in the same order as one page: newest first, ties by id, none twice', async () => {
    const expected = expectedIds(RANGE);
    const whole = await page({ filter: RANGE, first: 100 });
    const totals: number[] = [];
    const paged = await walk(async (after) => {
      const p = await page({ filter: RANGE, first: 2, after });
      totals.push(p.totalCount);
      expect(p.edges.length).toBeLessThanOrEqual(2);
      return p;
    });
    expect(paged.ids).toEqual(whole.edges.map((e) => e.node.id));
    expect(paged.ids).toEqual(expected);
    expect(paged.pages).toBe(Math.ceil(expected.length / 2));
    expect(new Set(paged.ids).size).toBe(paged.ids.length);
    expect([...paged.nodes].sort(newestFirst)).toEqual(paged.nodes);
    expect(new Set(totals)).toEqual(new Set([expected.length]));
  });

  test('events of the same day are split across pages by id without a gap', async () => {
    // The page ends between the two events of 10 May 2022.
    const expected = expectedIds(RANGE);
    const cut = expected.indexOf('fx-dk-inside-a') + 1;
    const first = await page({ filter: RANGE, first: cut });
    expect(first.edges[cut - 1].node.id).toBe('fx-dk-inside-a');
    const rest = await page({ filter: RANGE, first: 100, after: first.pageInfo.endCursor });
    expect(rest.edges[0].node.id).toBe('fx-dk-inside-b');
    expect([...first.edges, ...rest.edges].map((e) => e.node.id)).toEqual(expected);
  });

  test('a city filter matches the events held there and those it took part in', async () => {
    const aarhus = await page({ filter: { city: 'dk-aarhus' }, first: 100 });
    const heldThere = [...seed.events.map((e) => ({ id: e.id, startsOn: e.starts_on, city: e.city_id })), ...FIXTURES.map((f) => ({ id: f.id, startsOn: f.startsOn, city: f.city ?? null }))];
    const tookPart = [...seed.participations.map((p) => ({ event: p.event_id, city: p.city_id })), ...FIXTURES.flatMap((f) => (f.participants ?? []).map((p) => ({ event: f.id, city: p.city ?? null })))];
    const expected = heldThere
      .filter((e) => e.city === 'dk-aarhus' || tookPart.some((p) => p.event === e.id && p.city === 'dk-aarhus'))
      .sort(newestFirst)
      .map((e) => e.id);
    expect(expected).toEqual(expect.arrayContaining(['fx-dk-inside-a', 'fx-abroad-aarhus', 'fx-abroad-aarhus-after']));
    expect(aarhus.edges.map((e) => e.node.id)).toEqual(expected);
    expect(aarhus.totalCount).toBe(expected.length);
  });

  test.each([
    ['from after to', { filter: { from: '2022-06-01', to: '2022-05-31' } }, /filter\.to/],
    ['a forged cursor', { after: Buffer.from(JSON.stringify(['2022-02-30', 'fx-dk-on-to'])).toString('base64url') }, /after/],
    ['a cursor that is not one', { after: 'not-a-cursor' }, /after/],
    ['a country that is not a code', { filter: { country: 'Denmark' } }, /filter\.country/],
  ])('%s is BAD_USER_INPUT', async (_label, variables, message) => {
    const res = await hub.query(PAGE, { first: 10, ...variables });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0].message).toMatch(message);
  });
});

test.each([
  ['a country that is not a code', '{ country: "Denmark" }', /filter\.country/],
  ['from after to', '{ from: "2022-06-01", to: "2022-05-31" }', /filter\.to/],
  ['a cursor that is not one', null, /after/],
])('a forum\'s event list with %s fails alone: the forum itself and the other forums\' lists in the request are answered', async (_label, filter, message) => {
  const args = filter ? `filter: ${filter}` : 'after: "not-a-cursor"';
  const res = await hub.query(`{
    bad: forum(id: "gctf") { id events(${args}) { totalCount } }
    good: forum(id: "strong-cities-network") { events(first: 2) { totalCount edges { node { id } } } }
  }`);
  expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  expect(res.errors?.[0].path).toEqual(['bad', 'events']);
  expect(res.errors?.[0].message).toMatch(message);
  expect(res.data?.bad).toEqual({ id: 'gctf', events: null });
  expect(res.data?.good.events.edges).toHaveLength(2);
  expect(res.data?.good.events.totalCount).toBeGreaterThan(2);
});

test('a bad argument on a list another subgraph adds to a city fails that list only: the city and its other lists are answered', async () => {
  const res = await hub.query(`{
    city(id: "dk-copenhagen") { name resources(first: 500) { totalCount } events(first: 2) { totalCount edges { node { id } } } }
  }`);
  expect(res.status).toBe(200);
  expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  expect(res.errors?.[0].path).toEqual(['city', 'resources']);
  expect(res.data?.city).toMatchObject({ name: cityName('dk-copenhagen'), resources: null });
  expect(res.data?.city.events.edges).toHaveLength(2);
});

test('an event whose end the sources give only as a year counts until that year\'s end: the Safe City Tour (Oct 2020 – 2021) is among 2021\'s events', async () => {
  const res = await hub.query(`{
    events(filter: { city: "dk-copenhagen", from: "2021-01-01", to: "2021-12-31" }) { edges { node { id startsOn endsOn endsBy datePrecision } } }
  }`);
  expect(res.errors).toBeUndefined();
  expect(res.data?.events.edges.map((e: { node: unknown }) => e.node)).toEqual([
    { id: 'safe-city-tour-2020-2021', startsOn: '2020-10-01', endsOn: null, endsBy: '2021-12-31', datePrecision: 'MONTH' },
  ]);
});

test('filters read codes and ids in any letter case, as the rest of the hub does', async () => {
  const res = await hub.query(`{
    upper: events(filter: { city: "DK-COPENHAGEN", country: "dk" }) { totalCount }
    lower: events(filter: { city: "dk-copenhagen", country: "DK" }) { totalCount }
  }`);
  expect(res.errors).toBeUndefined();
  expect(res.data?.lower.totalCount).toBeGreaterThan(0);
  expect(res.data?.upper.totalCount).toBe(res.data?.lower.totalCount);
});

test('forums list: kind, founding year, working groups, events, the membership network and knowledge publications', async () => {
  const res = await hub.query(`{
    forums { id name acronym kind founded website workingGroups { name forum { id } } events(first: 3) { totalCount edges { node { id } } } network { name } publications(first: 100) { totalCount } }
    gctf: resources(filter: { publisher: "gctf" }, first: 1) { totalCount }
    ran: resources(filter: { publisher: "ran" }, first: 1) { totalCount }
    unoct: resources(filter: { publisher: "unoct" }, first: 1) { totalCount }
  }`);
  expect(res.errors).toBeUndefined();
  const forums: {
    id: string;
    name: string;
    workingGroups: { name: string; forum: { id: string } }[];
    events: { totalCount: number; edges: unknown[] };
    network: { name: string } | null;
    publications: { totalCount: number };
  }[] = res.data?.forums;
  expect(forums.map((f) => f.id).sort()).toEqual(seed.forums.map((f) => f.id).sort());
  for (const forum of forums) {
    const row = seed.forums.find((f) => f.id === forum.id);
    expect(forum).toMatchObject({ name: row?.name, acronym: row?.acronym, kind: row?.kind, founded: row?.founded_year, website: row?.website });
    const groups = seed.workingGroups.filter((g) => g.forum_id === forum.id);
    expect(forum.workingGroups.map((g) => g.name).sort()).toEqual(groups.map((g) => g.name).sort());
    for (const g of forum.workingGroups) expect(g.forum).toEqual({ id: forum.id });
    const eventCount = seed.events.filter((e) => e.forum_id === forum.id).length;
    expect([forum.id, forum.events.totalCount, forum.events.edges.length]).toEqual([forum.id, eventCount, Math.min(3, eventCount)]);
  }
  const byId = (id: string) => forums.find((f) => f.id === id);
  expect(byId('nordic-safe-cities')?.network).toEqual({ name: 'Nordic Safe Cities' });
  expect(byId('strong-cities-network')?.network).toEqual({ name: 'Strong Cities Network' });
  expect(byId('gctf')?.network).toBeNull();
  expect(byId('ran')?.workingGroups.length).toBeGreaterThan(0);
  expect(byId('gctf')?.publications.totalCount).toBe(res.data?.gctf.totalCount);
  expect(byId('gctf')?.publications.totalCount).toBeGreaterThan(0);
  expect(byId('ran')?.publications.totalCount).toBe(res.data?.ran.totalCount);
  expect(byId('unoct')?.publications.totalCount).toBe(res.data?.unoct.totalCount);
  // Unambiguous in any collation: EU Knowledge Hub, Global Counterterrorism Forum, Nordic …, Radicalisation …, Strong Cities Network, then the UN bodies.
  expect(forums.slice(0, 6).map((f) => f.id)).toEqual(['eu-knowledge-hub', 'gctf', 'nordic-council-of-ministers', 'nordic-safe-cities', 'ran', 'strong-cities-network']);
});

test('a forum page: predecessor and successor, working groups by name, its events newest first', async () => {
  const res = await hub.query(`{
    hub: forum(id: "eu-knowledge-hub") { name founded predecessor { id acronym successor { id } } }
    ran: forum(id: "ran") { workingGroups { id acronym sources { url } } events(first: 10) { edges { node { id title startsOn } } } }
    none: forum(id: "no-such-forum") { id }
  }`);
  expect(res.errors).toBeUndefined();
  expect(res.data?.hub).toEqual({ name: 'EU Knowledge Hub on Prevention of Radicalisation', founded: 2024, predecessor: { id: 'ran', acronym: 'RAN', successor: { id: 'eu-knowledge-hub' } } });
  expect(res.data?.none).toBeNull();
  const groups = res.data?.ran.workingGroups;
  expect(groups.map((g: { acronym: string }) => g.acronym)).toEqual(expect.arrayContaining(['RAN POL', 'RAN EXIT', 'RAN LOCAL']));
  expect(groups).toHaveLength(seed.workingGroups.filter((g) => g.forum_id === 'ran').length);
  for (const g of groups) expect(g.sources.length).toBe(seed.workingGroups.find((w) => w.id === g.id)?.source_ids.length);
  const ranEvents = seed.events.filter((e) => e.forum_id === 'ran');
  expect(res.data?.ran.events.edges.map((e: { node: unknown }) => e.node)).toEqual(
    ranEvents
      .map((e) => ({ id: e.id, title: e.title, startsOn: e.starts_on }))
      .sort(newestFirst),
  );
});

test('an event page: the Stockholm summit where five capitals signed the Nordic Capital Code', async () => {
  const res = await hub.query(`{
    event(id: "nsc-summit-2019-stockholm") {
      title kind startsOn endsOn datePrecision dateNote
      city { name } country { code name } forum { name }
      participants { role city { name } organisation note }
      outcomes { id title }
      sources { url }
    }
  }`);
  expect(res.errors).toBeUndefined();
  const event = res.data?.event;
  const row = seededEvent('nsc-summit-2019-stockholm');
  expect(event).toMatchObject({
    title: row.title,
    kind: 'SUMMIT',
    startsOn: '2019-12-12',
    endsOn: null,
    datePrecision: 'DAY',
    dateNote: null,
    city: { name: 'Stockholm' },
    country: { code: 'SE', name: 'Sweden' },
    forum: { name: 'Nordic Safe Cities' },
  });
  const signatories = event.participants.filter((p: { note: string | null }) => p.note === 'signatory');
  expect(signatories.map((p: { city: { name: string } }) => p.city.name).sort()).toEqual(['Copenhagen', 'Helsinki', 'Oslo', 'Reykjavík', 'Stockholm']);
  for (const p of signatories) expect(p).toMatchObject({ role: 'DELEGATE', organisation: null });
  expect(event.participants).toHaveLength(seed.participations.filter((p) => p.event_id === row.id).length);
  // Organisers first, then speakers, then delegates.
  expect(event.participants.map((p: { role: string }) => p.role)).toEqual(['ORGANISER', 'SPEAKER', 'DELEGATE', 'DELEGATE', 'DELEGATE', 'DELEGATE', 'DELEGATE']);
  expect(event.participants[0]).toEqual({ role: 'ORGANISER', city: null, organisation: 'Nordic Safe Cities', note: null });
  expect(event.outcomes).toEqual([{ id: 'nsc-nordic-capital-code', title: expect.stringContaining('Nordic Capital Code') }]);
  expect(event.sources.map((s: { url: string }) => s.url).sort()).toEqual(seed.sources.filter((s) => row.source_ids.includes(s.id)).map((s) => s.url).sort());
});

test('an event known only by its week: the UNGA 73 side event, with how its date was found', async () => {
  const res = await hub.query(`{
    event(id: "unga-2018-nsc-side-event") { title startsOn endsOn datePrecision dateNote venue city { name } country { code } forum { id } related { id } participants { role organisation forum { id } network { name } } }
    none: event(id: "no-such-event") { id }
  }`);
  expect(res.errors).toBeUndefined();
  const row = seededEvent('unga-2018-nsc-side-event');
  expect(res.data?.event).toMatchObject({
    startsOn: '2018-09-24',
    endsOn: null,
    datePrecision: 'WEEK',
    dateNote: row.date_note,
    venue: 'New York, US',
    city: null,
    country: null,
    forum: null,
    related: [{ id: 'nyc-meetings-2018' }],
  });
  expect(res.data?.event.dateNote).toMatch(/week/);
  expect(res.data?.event.participants).toContainEqual({ role: 'SPEAKER', organisation: 'Nordic Safe Cities', forum: { id: 'nordic-safe-cities' }, network: { name: 'Nordic Safe Cities' } });
  expect(res.data?.none).toBeNull();
});

test("Country.participations includes its cities' participations, newest event first", async () => {
  const res = await hub.query(`{ country(code: "NO") { name participations { city { name } event { title startsOn } } } }`);
  expect(res.errors).toBeUndefined();
  const got: { city: { name: string } | null; event: { title: string; startsOn: string } }[] = res.data?.country.participations;
  const expected = seed.participations
    .filter((p) => p.country_code === 'NO')
    .map((p) => ({ city: p.city_id ? { name: cityName(p.city_id) } : null, event: { title: seededEvent(p.event_id).title, startsOn: seededEvent(p.event_id).starts_on } }));
  expect(expected.length).toBeGreaterThan(0);
  const key = (p: { city: { name?: string } | null; event: { title: string; startsOn: string } }) => `${p.event.startsOn} ${p.event.title} ${p.city?.name}`;
  expect(got.map(key).sort()).toEqual(expected.map(key).sort());
  expect(got).toContainEqual({ city: { name: 'Oslo' }, event: { title: seededEvent('nsc-summit-2019-stockholm').title, startsOn: '2019-12-12' } });
  const days = got.map((p) => p.event.startsOn);
  expect([...days].sort().reverse()).toEqual(days);
});

test('City.events pages through the events held in the city or with it taking part', async () => {
  const expected = seed.events
    .filter((e) => e.city_id === 'dk-copenhagen' || seed.participations.some((p) => p.event_id === e.id && p.city_id === 'dk-copenhagen'))
    .map((e) => ({ id: e.id, startsOn: e.starts_on }))
    .sort(newestFirst)
    .map((e) => e.id);
  expect(expected.length).toBeGreaterThan(2);
  const QUERY = `query ($after: String) { city(id: "dk-copenhagen") { events(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id startsOn } } } } }`;
  const paged = await walk(async (after) => {
    const res = await hub.query(QUERY, { after });
    expect(res.errors).toBeUndefined();
    expect(res.data?.city.events.totalCount).toBe(expected.length);
    return res.data?.city.events;
  });
  expect(paged.ids).toEqual(expected);
  const bad = await hub.query(QUERY, { after: 'not-a-cursor' });
  expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
});

test('_entities on the forums subgraph resolves forums, events, cities and countries; an unknown event is null', async () => {
  const res: GraphQLResponse = await graphqlRequest(
    hub.subgraphs.forums.url,
    `query ($r: [_Any!]!) { _entities(representations: $r) {
      __typename
      ... on Forum { id name acronym }
      ... on Event { id title startsOn }
      ... on City { id participations { role event { id } } events(first: 100) { totalCount edges { node { id } } } }
      ... on Country { code participations { city { id } event { id } } }
    } }`,
    {
      variables: {
        r: [
          { __typename: 'Forum', id: 'ran' },
          { __typename: 'Event', id: 'nsc-summit-2022-copenhagen' },
          { __typename: 'Event', id: 'no-such-event' },
          { __typename: 'City', id: 'fi-helsinki' },
          { __typename: 'Country', code: 'IS' },
        ],
      },
      subgraphSecret: TEST_SUBGRAPH_SECRET,
    },
  );
  expect(res.errors).toBeUndefined();
  const [forum, event, unknown, city, country] = res.data?._entities;
  expect(forum).toEqual({ __typename: 'Forum', id: 'ran', name: 'Radicalisation Awareness Network', acronym: 'RAN' });
  expect(event).toEqual({ __typename: 'Event', id: 'nsc-summit-2022-copenhagen', title: 'Nordic Safe Cities Summit 2022', startsOn: '2022-10-24' });
  expect(unknown).toBeNull();
  const helsinki = seed.participations.filter((p) => p.city_id === 'fi-helsinki');
  expect(city.participations.map((p: { event: { id: string } }) => p.event.id).sort()).toEqual(helsinki.map((p) => p.event_id).sort());
  expect(city.participations).toContainEqual({ role: 'ORGANISER', event: { id: 'nsc-light-on-life-2018' } });
  const heldOrTakingPart = seed.events.filter((e) => e.city_id === 'fi-helsinki' || helsinki.some((p) => p.event_id === e.id));
  expect(city.events.totalCount).toBe(heldOrTakingPart.length);
  expect(city.events.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual(heldOrTakingPart.map((e) => e.id).sort());
  expect(country.participations).toEqual(
    seed.participations.filter((p) => p.country_code === 'IS').map((p) => ({ city: p.city_id ? { id: p.city_id } : null, event: { id: p.event_id } })),
  );
  expect(country.participations).toContainEqual({ city: { id: 'is-reykjavik' }, event: { id: 'nsc-summit-2019-stockholm' } });
});
