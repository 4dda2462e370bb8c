// The forums seed copies the sourced forums and events faithfully: every dated event, with its
// sourced dates, its organisers and participants (cities as the hub's cities), its sources and
// roles; nothing invented, nothing left behind silently, and seeding again changes nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@nsc-hub/shared/src/testing';
import { EVENT_KINDS, DATE_PRECISIONS, PARTICIPATION_ROLES, buildSeedRows, forumsSubgraph } from '../src';

const SEED = path.resolve(__dirname, '..', 'seed');
const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(SEED, 'data', file), 'utf8')) as T;

interface DatasetSource {
  id: string;
  url: string;
  title: string;
}
interface DatasetEvent {
  id: string;
  date_start: string | null;
  date_end: string | null;
  date_precision: string;
  organisers: { name: string; ref: string | null }[];
  participant_organisations: { name: string; ref: string | null; role: string }[];
  sources: DatasetSource[];
}
interface DatasetForum {
  id: string;
  working_groups: { id: string; source_ids: string[] }[];
  sources: DatasetSource[];
}

const events = read<DatasetEvent[]>('events.json');
const forums = read<DatasetForum[]>('forums.json');
const links = read<{ event: string; forum: string | null; city: string | null; country: string | null; workingGroup?: string; outcomes: { resource: string }[] }[]>(
  'event-links.json',
);
const hubCities = read<{ ref: string; city: string; country: string; names: string[] }[]>('hub-cities.json');
const roleTexts = read<{ recorded: string; role: string }[]>('participation-roles.json');
const forumKinds = read<{ forum: string; kind: string }[]>('forum-kinds.json');

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const cityByRef = new Map(hubCities.map((c) => [c.ref, c]));

describe('seed rows', () => {
  const rows = buildSeedRows();
  const eventRow = (id: string) => rows.events.find((e) => e.id === id);

  test('every event of the dataset is seeded except the ones event-links.json leaves out, each named in the seed README', () => {
    const linked = new Set(links.map((l) => l.event));
    const datasetIds = events.map((e) => e.id);
    const leftOut = datasetIds.filter((id) => !linked.has(id));
    expect(rows.events.map((e) => e.id).sort()).toEqual(datasetIds.filter((id) => linked.has(id)).sort());
    // Nothing is linked that the dataset does not have, and no event is linked twice.
    for (const id of linked) expect(datasetIds).toContain(id);
    expect(linked.size).toBe(links.length);
    // The README says why each one is left out: the sources give no date to place it by.
    const readme = readFileSync(path.join(SEED, 'README.md'), 'utf8');
    expect(leftOut.length).toBeGreaterThan(0);
    for (const id of leftOut) {
      expect(readme).toContain(`\`${id}\` is left out`);
      expect(events.find((e) => e.id === id)?.date_start).toBeNull();
    }
  });

  test('every seeded event has a start date; a full date_start of the dataset is exactly that date', () => {
    for (const dataset of events) {
      const row = eventRow(dataset.id);
      if (!row) continue;
      expect(row.starts_on).toMatch(FULL_DATE);
      expect(DATE_PRECISIONS).toContain(row.date_precision);
      if (dataset.date_start && FULL_DATE.test(dataset.date_start)) {
        expect([row.id, row.starts_on, row.date_precision]).toEqual([dataset.id, dataset.date_start, 'DAY']);
      } else {
        // Known only to a week, month or year: the first day of that period, with the dataset's words kept.
        expect(row.date_precision).not.toBe('DAY');
        expect(row.date_note).toBe(dataset.date_precision);
      }
      if (dataset.date_end && FULL_DATE.test(dataset.date_end) && dataset.date_end !== row.starts_on) expect(row.ends_on).toBe(dataset.date_end);
      else expect(row.ends_on).toBeNull();
    }
    expect(eventRow('nsc-summit-2022-copenhagen')).toMatchObject({ starts_on: '2022-10-24', ends_on: '2022-10-25', date_precision: 'DAY', date_note: null });
    expect(eventRow('unga-2018-nsc-side-event')).toMatchObject({ starts_on: '2018-09-24', date_precision: 'WEEK', venue: 'New York, US', country_code: null });
  });

  test('a WEEK starts on a Monday, a MONTH on the 1st, a YEAR on 1 January', () => {
    for (const row of rows.events) {
      const day = new Date(`${row.starts_on}T00:00:00Z`);
      if (row.date_precision === 'WEEK') expect([row.id, day.getUTCDay()]).toEqual([row.id, 1]);
      if (row.date_precision === 'MONTH') expect([row.id, row.starts_on.slice(8)]).toEqual([row.id, '01']);
      if (row.date_precision === 'YEAR') expect([row.id, row.starts_on.slice(5)]).toEqual([row.id, '01-01']);
    }
  });

  test('every participation comes from an organiser or a participant organisation of the dataset, one each', () => {
    for (const dataset of events) {
      if (!eventRow(dataset.id)) continue;
      const seeded = rows.participations.filter((p) => p.event_id === dataset.id);
      const people = [...dataset.organisers.map((o) => ({ ...o, role: null as string | null })), ...dataset.participant_organisations];
      expect([dataset.id, seeded.length]).toEqual([dataset.id, people.length]);
      for (const person of people) {
        const city = person.ref ? cityByRef.get(person.ref) : undefined;
        const matches = seeded.filter((p) => (city ? p.city_id === city.city : p.city_id === null && p.organisation === person.name));
        expect([dataset.id, person.name, matches.length]).toEqual([dataset.id, person.name, 1]);
        const [row] = matches;
        // An organiser organises; a participant keeps the dataset's wording of its role.
        expect(row.note).toBe(person.role);
        if (person.role === null) expect(row.role).toBe('ORGANISER');
      }
    }
  });

  test('city refs become hub city ids with their country (malmo → se-malmo); forum and network refs are linked', () => {
    const malmo = rows.participations.find((p) => p.event_id === 'nsc-first-gathering-malmo-2016' && p.city_id !== null);
    expect(malmo).toMatchObject({ city_id: 'se-malmo', country_code: 'SE', role: 'HOST', organisation: 'City of Malmö', owner: 'SE' });
    // Where the name is just the city's, nothing more is recorded.
    const oslo = rows.participations.find((p) => p.event_id === 'nsc-summit-2019-stockholm' && p.city_id === 'no-oslo');
    expect(oslo).toMatchObject({ country_code: 'NO', organisation: null, role: 'DELEGATE', note: 'signatory' });
    // A city named in its own language (Gothenburg as "Göteborg") is the city, not an organisation.
    const goteborg = rows.participations.find((p) => p.event_id === 'safe-city-tour-2020-2021' && p.city_id === 'se-goteborg');
    expect(goteborg).toMatchObject({ country_code: 'SE', organisation: null, role: 'HOST' });
    for (const p of rows.participations) {
      if (p.city_id) expect(hubCities.find((c) => c.city === p.city_id)?.country).toBe(p.country_code);
      else expect(p.country_code).toBeNull();
    }
    const forumIds = new Set(rows.forums.map((f) => f.id));
    for (const p of rows.participations) {
      if (p.forum_id) expect(forumIds).toContain(p.forum_id);
    }
    const nsc = rows.participations.find((p) => p.event_id === 'unga-2018-nsc-side-event' && p.organisation === 'Nordic Safe Cities');
    expect(nsc).toMatchObject({ forum_id: 'nordic-safe-cities', network_id: 'nordic-safe-cities', role: 'SPEAKER' });
  });

  test('event links point at seeded forums, hub cities, a working group of the event forum, and related seeded events', () => {
    const forumIds = new Set(rows.forums.map((f) => f.id));
    for (const row of rows.events) {
      expect(EVENT_KINDS).toContain(row.kind);
      if (row.forum_id) expect(forumIds).toContain(row.forum_id);
      if (row.city_id) expect(hubCities.find((c) => c.city === row.city_id)?.country).toBe(row.country_code);
      if (row.country_code) expect(row.country_code).toMatch(/^[A-Z]{2}$/);
      expect(row.owner).toBe(row.country_code ?? 'SECRETARIAT');
      if (row.working_group_id) expect(rows.workingGroups.find((g) => g.id === row.working_group_id)?.forum_id).toBe(row.forum_id);
      for (const id of row.related_ids) expect(eventRow(id)).toBeDefined();
    }
    expect(eventRow('nsc-summit-2019-stockholm')).toMatchObject({ city_id: 'se-stockholm', country_code: 'SE', outcome_ids: ['nsc-nordic-capital-code'] });
  });

  test('every source id referenced by forums, working groups and events exists among the seeded sources, with url and title', () => {
    const sources = new Map(rows.sources.map((s) => [s.id, s]));
    expect(sources.size).toBe(rows.sources.length);
    const referenced = [...rows.forums, ...rows.workingGroups, ...rows.events].flatMap((r) => r.source_ids);
    expect(referenced.length).toBeGreaterThan(0);
    for (const id of referenced) expect(sources.has(id)).toBe(true);
    for (const s of rows.sources) {
      expect(s.url).toMatch(/^https?:\/\//);
      expect(s.title.trim()).not.toBe('');
    }
    // A source cited by several records names the same url and title everywhere it is cited.
    const cited = [...forums.flatMap((f) => f.sources), ...events.flatMap((e) => e.sources), ...read<DatasetSource[]>('working-group-sources.json')];
    for (const s of cited) expect(sources.get(s.id)).toEqual({ id: s.id, url: s.url, title: s.title });
    // Working groups keep exactly the sources the dataset gives them.
    for (const f of forums) for (const g of f.working_groups ?? []) expect(rows.workingGroups.find((w) => w.id === g.id)?.source_ids).toEqual(g.source_ids);
  });

  test('forum-kinds.json gives every forum exactly one kind', () => {
    expect(forumKinds.map((k) => k.forum).sort()).toEqual(forums.map((f) => f.id).sort());
    for (const f of rows.forums) {
      expect(['EU', 'UN', 'INTERGOVERNMENTAL', 'CITY_NETWORK', 'NORDIC', 'OTHER']).toContain(f.kind);
      expect(f.kind).toBe(forumKinds.find((k) => k.forum === f.id)?.kind);
    }
    expect(rows.forums.find((f) => f.id === 'eu-knowledge-hub')).toMatchObject({ predecessor_id: 'ran', founded_on: '2024-06-17', founded_year: 2024 });
    // A founding date the sources do not give stays unknown; the year is kept.
    expect(rows.forums.find((f) => f.id === 'nordic-safe-cities')).toMatchObject({ founded_on: null, founded_year: 2016, network_id: 'nordic-safe-cities' });
  });

  test('every role text of the dataset maps to a participation role', () => {
    const mapped = new Map(roleTexts.map((r) => [r.recorded, r.role]));
    for (const r of roleTexts) expect(PARTICIPATION_ROLES).toContain(r.role);
    const texts = new Set(events.filter((e) => eventRow(e.id)).flatMap((e) => e.participant_organisations.map((p) => p.role)));
    for (const text of texts) {
      const role = mapped.get(text) ?? (/^week\b/.test(text) ? mapped.get('week …') : undefined);
      expect([text, role && PARTICIPATION_ROLES.includes(role as (typeof PARTICIPATION_ROLES)[number])]).toEqual([text, true]);
    }
    for (const p of rows.participations) {
      expect(PARTICIPATION_ROLES).toContain(p.role);
      if (p.note !== null) expect(p.role).toBe(mapped.get(p.note) ?? mapped.get('week …'));
    }
    // The Safe City Tour's weeks: the city that ran a week hosted it.
    const tour = rows.participations.filter((p) => p.event_id === 'safe-city-tour-2020-2021' && p.city_id);
    expect(tour.length).toBeGreaterThan(0);
    for (const p of tour) expect(p.role).toBe('HOST');
  });
});

describe('seeding a database', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('forums_seed');
    db = forumsSubgraph.createDatabase(database.url).dataSource;
    await db.initialize();
    await forumsSubgraph.migrate(db);
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  test('inserts everything once; a second seed inserts nothing and keeps a participation an editor removed off', async () => {
    const rows = buildSeedRows();
    expect(await forumsSubgraph.isSeeded(db)).toBe(false);
    const first = await forumsSubgraph.seed(db);
    expect(first).toEqual({
      sources: rows.sources.length,
      forums: rows.forums.length,
      workingGroups: rows.workingGroups.length,
      events: rows.events.length,
      participations: rows.participations.length,
    });
    expect(await forumsSubgraph.isSeeded(db)).toBe(true);

    // The database reads the dates as the rows give them.
    const [summit] = await db.query(`SELECT starts_on::text, ends_on::text, last_day::text FROM forums.events WHERE id = 'nsc-summit-2022-copenhagen'`);
    expect(summit).toEqual({ starts_on: '2022-10-24', ends_on: '2022-10-25', last_day: '2022-10-25' });

    const [removed] = await db.query(
      `DELETE FROM forums.participations WHERE event_id = 'nsc-summit-2019-stockholm' AND city_id = 'is-reykjavik' RETURNING id`,
    );
    expect(removed).toBeDefined();
    const second = await forumsSubgraph.seed(db);
    expect(second).toEqual({ sources: 0, forums: 0, workingGroups: 0, events: 0, participations: 0 });
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM forums.participations WHERE event_id = 'nsc-summit-2019-stockholm' AND city_id = 'is-reykjavik'`);
    expect(count).toBe(0);
    const [{ total }] = await db.query(`SELECT count(*)::int AS total FROM forums.participations`);
    expect(total).toBe(rows.participations.length - 1);
  });
});
