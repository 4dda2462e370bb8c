import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { SECRETARIAT, insertJsonRows } from '@nsc-hub/shared';
import { DB_SCHEMA } from './dbSchema';

/** The seed files as copied into the repository (see seed/README.md). */
const SEED_DIR = path.resolve(__dirname, '..', 'seed', 'data');

interface SourceRecord {
  id: string;
  url: string;
  title: string;
}

interface ForumRecord {
  id: string;
  name: string;
  abbreviation: string | null;
  type: string | null;
  founded: string | null;
  founded_year: number | null;
  founder: string | null;
  members_scope: string | null;
  structure: string | null;
  website: string | null;
  predecessor?: string;
  successor?: string;
  network_ref?: string;
  working_groups: {
    id: string;
    name: string;
    abbreviation: string | null;
    description: string | null;
    period: string | null;
    status: string | null;
    source_ids: string[];
  }[];
  sources: SourceRecord[];
}

interface EventRecord {
  id: string;
  name: string;
  type: string;
  date_start: string | null;
  date_end: string | null;
  date_precision: string;
  place: { city: string | null; country: string | null };
  organisers: { name: string; ref: string | null }[];
  participant_organisations: { name: string; ref: string | null; role: string }[];
  related: string[];
  description: string | null;
  sources: SourceRecord[];
}

/** How the seed places an event: our reading of the record, each choice written down (seed/README.md). */
interface EventLink {
  event: string;
  kind: string;
  forum: string | null;
  city: string | null;
  country: string | null;
  workingGroup?: string;
  startsOn?: string;
  datePrecision?: string;
  /** For an end the dataset gives as a month or year: the last day of it. */
  endsBy?: string;
  outcomes: { resource: string; evidence: string }[];
}

const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(SEED_DIR, file), 'utf8')) as T;
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Rows as the seed would insert them; pure, so it is tested without a database. */
export function buildSeedRows() {
  const forums = read<ForumRecord[]>('forums.json');
  const events = read<EventRecord[]>('events.json');
  const links = new Map(read<EventLink[]>('event-links.json').map((l) => [l.event, l]));
  const kinds = new Map(read<{ forum: string; kind: string }[]>('forum-kinds.json').map((k) => [k.forum, k.kind]));
  const cities = new Map(read<{ ref: string; city: string; country: string; names: string[] }[]>('hub-cities.json').map((c) => [c.ref, c]));
  const networks = new Set(read<{ id: string }[]>('hub-networks.json').map((n) => n.id));
  const roles = new Map(read<{ recorded: string; role: string }[]>('participation-roles.json').map((r) => [r.recorded, r.role]));
  const forumIds = new Set(forums.map((f) => f.id));

  const sources = new Map<string, SourceRecord>();
  const addSources = (list: readonly SourceRecord[]) => list.forEach((s) => sources.set(s.id, { id: s.id, url: s.url, title: s.title }));
  forums.forEach((f) => addSources(f.sources));
  events.forEach((e) => addSources(e.sources));
  addSources(read<SourceRecord[]>('working-group-sources.json'));

  const forumRows = forums.map((f) => {
    const kind = kinds.get(f.id);
    if (!kind) throw new Error(`Seed forum ${f.id}: no kind in forum-kinds.json`);
    return {
      id: f.id,
      name: f.name,
      acronym: f.abbreviation,
      kind,
      founded_year: f.founded_year,
      founded_on: f.founded && FULL_DATE.test(f.founded) ? f.founded : null,
      website: f.website,
      description: f.type,
      founder: f.founder,
      members_scope: f.members_scope,
      structure: f.structure,
      predecessor_id: f.predecessor ?? null,
      successor_id: f.successor ?? null,
      network_id: f.network_ref ?? null,
      source_ids: f.sources.map((s) => s.id),
    };
  });

  const workingGroups = forums.flatMap((f) =>
    (f.working_groups ?? []).map((g) => {
      const unknown = g.source_ids.filter((id) => !sources.has(id));
      if (unknown.length) throw new Error(`Seed working group ${g.id}: unknown sources ${unknown.join(', ')}`);
      return { id: g.id, forum_id: f.id, name: g.name, acronym: g.abbreviation, focus: g.description, period: g.period, status: g.status, source_ids: g.source_ids };
    }),
  );

  // Events whose day, month or year the sources do not give are left out (see seed/README.md).
  const seeded = events.filter((e) => links.has(e.id));
  const eventRows = seeded.map((e) => {
    const link = links.get(e.id) as EventLink;
    const startsOn = link.startsOn ?? e.date_start;
    if (!startsOn || !FULL_DATE.test(startsOn)) throw new Error(`Seed event ${e.id}: no start date`);
    const precision = link.datePrecision ?? 'DAY';
    const endsOn = e.date_end && FULL_DATE.test(e.date_end) && e.date_end !== startsOn ? e.date_end : null;
    const abroad = e.place.country && e.place.country !== link.country;
    return {
      id: e.id,
      title: e.name,
      kind: link.kind,
      format: e.type,
      starts_on: startsOn,
      ends_on: endsOn,
      ends_by: link.endsBy ?? null,
      date_precision: precision,
      date_note: e.date_precision === 'day' ? null : e.date_precision,
      venue: e.place.city ? (abroad ? `${e.place.city}, ${e.place.country}` : e.place.city) : null,
      city_id: link.city,
      country_code: link.country,
      forum_id: link.forum,
      working_group_id: link.workingGroup ?? null,
      description: e.description,
      outcome_ids: link.outcomes.map((o) => o.resource),
      related_ids: e.related.filter((id) => links.has(id)),
      owner: link.country ?? SECRETARIAT,
      source_ids: e.sources.map((s) => s.id),
    };
  });

  const participations = seeded.flatMap((e) => {
    const owner = links.get(e.id)?.country ?? SECRETARIAT;
    const people = [
      ...e.organisers.map((o) => ({ ...o, role: 'ORGANISER', note: null as string | null })),
      ...e.participant_organisations.map((p) => ({ ...p, role: roleOf(roles, p.role, e.id), note: p.role })),
    ];
    const rows = people.map((p) => {
      const city = p.ref ? cities.get(p.ref) : undefined;
      return {
        event_id: e.id,
        city_id: city?.city ?? null,
        country_code: city?.country ?? null,
        // For a city: who represented it, where the sources name more than the city itself.
        organisation: city?.names.includes(p.name) ? null : p.name,
        forum_id: p.ref && forumIds.has(p.ref) ? p.ref : null,
        network_id: p.ref && networks.has(p.ref) ? p.ref : null,
        role: p.role,
        note: p.note,
        owner: city?.country ?? owner,
      };
    });
    const keys = rows.map((r) => (r.city_id ? `city:${r.city_id}` : `organisation:${r.country_code ?? ''}:${r.organisation?.toLowerCase()}`));
    const twice = keys.find((k, i) => keys.indexOf(k) !== i);
    if (twice) throw new Error(`Seed event ${e.id}: ${twice} takes part twice`);
    return rows;
  });

  return { sources: [...sources.values()], forums: forumRows, workingGroups, events: eventRows, participations };
}

function roleOf(roles: ReadonlyMap<string, string>, recorded: string, eventId: string): string {
  // The Safe City Tour names each city's week ("week 3 (Nov 2020)"): that city ran the week.
  const role = roles.get(recorded) ?? (/^week\b/.test(recorded) ? roles.get('week …') : undefined);
  if (!role) throw new Error(`Seed event ${eventId}: role "${recorded}" is not in participation-roles.json`);
  return role;
}

export type SeedSummary = Record<'sources' | 'forums' | 'workingGroups' | 'events' | 'participations', number>;

const insertRows = (m: EntityManager, table: string, columns: Record<string, string>, rows: object[]) =>
  insertJsonRows(m, DB_SCHEMA, table, columns, rows, 'ON CONFLICT DO NOTHING');

/** Inserts the sourced seed data; rows already there are left alone, so seeding twice changes nothing. */
export async function seedForums(dataSource: DataSource): Promise<SeedSummary> {
  const rows = buildSeedRows();
  return dataSource.transaction(async (m) => {
    // Participations are seeded only with their event: one an editor removed stays removed.
    const existing: { id: string }[] = await m.query(`SELECT id FROM ${DB_SCHEMA}.events WHERE id = ANY($1)`, [rows.events.map((e) => e.id)]);
    const known = new Set(existing.map((e) => e.id));
    return {
      sources: await insertRows(m, 'sources', { id: 'text', url: 'text', title: 'text' }, rows.sources),
      forums: await insertRows(
        m,
        'forums',
        {
          id: 'text',
          name: 'text',
          acronym: 'text',
          kind: 'text',
          founded_year: 'integer',
          founded_on: 'date',
          website: 'text',
          description: 'text',
          founder: 'text',
          members_scope: 'text',
          structure: 'text',
          predecessor_id: 'text',
          successor_id: 'text',
          network_id: 'text',
          source_ids: 'text[]',
        },
        rows.forums,
      ),
      workingGroups: await insertRows(
        m,
        'working_groups',
        { id: 'text', forum_id: 'text', name: 'text', acronym: 'text', focus: 'text', period: 'text', status: 'text', source_ids: 'text[]' },
        rows.workingGroups,
      ),
      events: await insertRows(
        m,
        'events',
        {
          id: 'text',
          title: 'text',
          kind: 'text',
          format: 'text',
          starts_on: 'date',
          ends_on: 'date',
          ends_by: 'date',
          date_precision: 'text',
          date_note: 'text',
          venue: 'text',
          city_id: 'text',
          country_code: 'text',
          forum_id: 'text',
          working_group_id: 'text',
          description: 'text',
          outcome_ids: 'text[]',
          related_ids: 'text[]',
          owner: 'text',
          source_ids: 'text[]',
        },
        rows.events.filter((e) => !known.has(e.id)),
      ),
      participations: await insertRows(
        m,
        'participations',
        {
          event_id: 'text',
          city_id: 'text',
          country_code: 'text',
          organisation: 'text',
          forum_id: 'text',
          network_id: 'text',
          role: 'text',
          note: 'text',
          owner: 'text',
        },
        rows.participations.filter((p) => !known.has(p.event_id)),
      ),
    };
  });
}

export async function isSeeded(dataSource: DataSource): Promise<boolean> {
  const rows: unknown[] = await dataSource.query(`SELECT 1 FROM ${DB_SCHEMA}.events LIMIT 1`);
  return rows.length > 0;
}
