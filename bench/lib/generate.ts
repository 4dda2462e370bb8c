import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { Faker, da, de, en, fi, nb_NO, sv, base } from '@faker-js/faker';
import { insertJsonRows, quoteIdentifier, type Logger } from '@nsc-hub/shared';
import { SUBGRAPHS } from '../../scripts/subgraphs';
import { LANGUAGES, VOCABULARY } from './vocabulary';

/** Bumped whenever what is generated changes (the migrations it runs included), so older data is made anew. */
export const GENERATOR_VERSION = 3;
export const DEFAULT_SEED = 20261203;

/** Rows per unit of scale: scale 1 is about 1,000 cities, 10,000 resources, 2,000 events, 20,000 participations. */
export const PER_SCALE = { cities: 1_000, resources: 10_000, events: 2_000, participationsPerEvent: 10 };

export interface BenchDataInfo {
  scale: number;
  seed: number;
  generatorVersion: number;
  counts: Record<string, number>;
}

const BATCH = 2_000;
const AUDIENCES = ['POLICE', 'TEACHERS', 'SOCIAL_WORKERS', 'HEALTH', 'PRISON_PROBATION', 'YOUTH_WORKERS', 'CIVIL_SOCIETY', 'RESEARCHERS', 'POLICYMAKERS', 'LOCAL_AUTHORITIES'];
const RESOURCE_KINDS = ['GUIDELINE', 'TOOLKIT', 'GOOD_PRACTICE', 'REPORT', 'RECOMMENDATION', 'ACTION_PLAN', 'TRAINING', 'RESEARCH'];
const EVENT_KINDS = ['SIDE_EVENT', 'CONFERENCE', 'WORKING_GROUP_MEETING', 'STUDY_VISIT', 'WEBINAR', 'SUMMIT', 'OTHER'];
const ROLES = ['HOST', 'ORGANISER', 'SPEAKER', 'DELEGATE', 'OBSERVER'];
/** Faker's locales for city names in the country's own language, where it has one. */
const CITY_LOCALES = { DK: da, NO: nb_NO, SE: sv, FI: fi, AX: sv, DE: de };

/** What the benchmark database says it holds, or undefined if it was never (fully) generated. */
export async function readBenchDataInfo(url: string): Promise<BenchDataInfo | undefined> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT to_regclass('public.bench_data') IS NOT NULL AS present`);
    if (!rows[0].present) return undefined;
    const info = await client.query('SELECT scale, seed, generator_version, counts FROM public.bench_data');
    if (!info.rows[0]) return undefined;
    const row = info.rows[0];
    return { scale: row.scale, seed: Number(row.seed), generatorVersion: row.generator_version, counts: row.counts };
  } finally {
    await client.end();
  }
}

/** Drops and re-creates the database, so a run always starts from the real migrations. */
export async function recreateDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

interface Progress {
  start(total: number): void;
  advance(rows: number): void;
  stop(): void;
}

/**
 * Synthetic data at `scale` into an empty database: every subgraph's real migrations and seed
 * first (countries, networks, forums and topics are the real ones), then cities, memberships,
 * resources in six languages, events and participations drawn from a seeded generator, so the same
 * scale and seed always give the same rows.
 */
export async function generateBenchData(url: string, scale: number, seed: number, log: Logger, progress: Progress): Promise<BenchDataInfo> {
  const sources: DataSource[] = [];
  try {
    for (const subgraph of SUBGRAPHS) {
      const { dataSource } = subgraph.createDatabase(url, { poolSize: 1 });
      await dataSource.initialize();
      sources.push(dataSource);
      await subgraph.migrate(dataSource);
      await subgraph.seed(dataSource);
    }
    const manager = sources[0].manager;
    const faker = new Faker({ locale: [en, base], seed });
    const cityNames: Record<string, Faker> = Object.fromEntries(
      Object.entries(CITY_LOCALES).map(([country, locale]) => [country, new Faker({ locale: [locale, en, base], seed: seed + country.charCodeAt(0) * 31 + country.charCodeAt(1) })]),
    );
    const countries: string[] = (await manager.query(`SELECT code FROM membership.countries ORDER BY code`)).map((r: { code: string }) => r.code);
    const networks: string[] = (await manager.query(`SELECT id FROM membership.networks ORDER BY id`)).map((r: { id: string }) => r.id);
    const forums: string[] = (await manager.query(`SELECT id FROM forums.forums ORDER BY id`)).map((r: { id: string }) => r.id);
    const topics: string[] = (await manager.query(`SELECT id FROM knowledge.topics ORDER BY id`)).map((r: { id: string }) => r.id);
    const nordic = countries.filter((c) => ['DK', 'NO', 'SE', 'FI', 'IS', 'FO', 'GL', 'AX'].includes(c));

    const counts = {
      cities: PER_SCALE.cities * scale,
      resources: PER_SCALE.resources * scale,
      events: PER_SCALE.events * scale,
      participations: PER_SCALE.events * scale * PER_SCALE.participationsPerEvent,
      memberships: 0,
      resourceTopics: 0,
    };
    progress.start(counts.cities + counts.resources + counts.events + counts.participations);

    // Cities, with the Nordic countries weighted as the network is.
    const cities: { id: string; country: string }[] = [];
    const cityRows = [];
    for (let i = 0; i < counts.cities; i++) {
      const country = faker.helpers.weightedArrayElement(nordic.map((c) => ({ value: c, weight: ['DK', 'NO', 'SE', 'FI'].includes(c) ? 10 : 1 })));
      const name = (cityNames[country] ?? faker).location.city();
      const id = `${country.toLowerCase()}-${slug(name)}-${i + 1}`;
      cities.push({ id, country });
      cityRows.push({ id, name, native_name: null, country_code: country, region: null, population: faker.number.int({ min: 2_000, max: 900_000 }), owner: country });
    }
    await inBatches(cityRows, progress, (rows) =>
      insertJsonRows(manager, 'membership', 'cities', { id: 'text', name: 'text', native_name: 'text', country_code: 'text', region: 'text', population: 'int', owner: 'text' }, rows, ''),
    );

    // One to three networks per city; a city is in each at most once.
    const membershipRows = [];
    for (const city of cities) {
      for (const network of faker.helpers.arrayElements(networks, { min: 1, max: Math.min(3, networks.length) })) {
        const since = faker.date.between({ from: '2010-01-01', to: '2025-12-31' }).toISOString().slice(0, 10);
        membershipRows.push({ city_id: city.id, network_id: network, status: faker.helpers.weightedArrayElement([{ value: 'ACTIVE', weight: 8 }, { value: 'CANDIDATE', weight: 1 }]), since });
      }
    }
    counts.memberships = membershipRows.length;
    await inBatches(membershipRows, undefined, (rows) =>
      insertJsonRows(manager, 'membership', 'memberships', { city_id: 'text', network_id: 'text', status: 'text', since: 'date' }, rows, ''),
    );

    // Resources: six languages, titles and summaries from each language's words; the language's
    // common word in about one in ten.
    const resourceRows = [];
    const resourceTopicRows = [];
    for (let i = 0; i < counts.resources; i++) {
      const language = LANGUAGES[i % LANGUAGES.length];
      const words = VOCABULARY[language];
      const pick = (min: number, max: number) => faker.helpers.arrayElements(words.slice(1), { min, max });
      const titleWords = pick(3, 7);
      if (faker.number.int(9) === 0) titleWords.splice(faker.number.int(titleWords.length), 0, words[0]);
      const owner = faker.helpers.arrayElement(cities);
      const publisher = faker.helpers.weightedArrayElement<[string, string] | null>([
        { value: ['NETWORK', faker.helpers.arrayElement(networks)], weight: 3 },
        { value: ['FORUM', faker.helpers.arrayElement(forums)], weight: 3 },
        { value: ['CITY', owner.id], weight: 3 },
        { value: null, weight: 1 },
      ]);
      const year = faker.number.int({ min: 2005, max: 2026 });
      const id = `bench-resource-${i + 1}`;
      resourceRows.push({
        id,
        title: capitalise(titleWords.join(' ')),
        summary: capitalise(pick(12, 25).join(' ')) + '.',
        kind: faker.helpers.arrayElement(RESOURCE_KINDS),
        language,
        languages: language === 'en' ? ['en'] : [language, ...(faker.datatype.boolean(0.3) ? ['en'] : [])],
        published_year: year,
        published_on: faker.datatype.boolean(0.5) ? `${year}-${pad(faker.number.int({ min: 1, max: 12 }))}-${pad(faker.number.int({ min: 1, max: 28 }))}` : null,
        audiences: faker.helpers.arrayElements(AUDIENCES, { min: 0, max: 3 }),
        publisher_type: publisher?.[0] ?? null,
        publisher_id: publisher?.[1] ?? null,
        country_codes: [owner.country],
        city_ids: faker.datatype.boolean(0.3) ? [owner.id, faker.helpers.arrayElement(cities).id] : [owner.id],
        owner: owner.country,
      });
      for (const topic of faker.helpers.arrayElements(topics, { min: 1, max: 3 })) resourceTopicRows.push({ resource_id: id, topic_id: topic });
    }
    counts.resourceTopics = resourceTopicRows.length;
    await inBatches(resourceRows, progress, (rows) =>
      insertJsonRows(
        manager,
        'knowledge',
        'resources',
        {
          id: 'text', title: 'text', summary: 'text', kind: 'text', language: 'text', languages: 'text[]', published_year: 'int', published_on: 'date',
          audiences: 'text[]', publisher_type: 'text', publisher_id: 'text', country_codes: 'text[]', city_ids: 'text[]', owner: 'text',
        },
        rows,
        '',
      ),
    );
    await inBatches(resourceTopicRows, undefined, (rows) => insertJsonRows(manager, 'knowledge', 'resource_topics', { resource_id: 'text', topic_id: 'text' }, rows, ''));

    // Events at forums, hosted in a city; participations of distinct cities in each.
    const eventRows = [];
    const participationRows = [];
    for (let i = 0; i < counts.events; i++) {
      const host = faker.helpers.arrayElement(cities);
      const id = `bench-event-${i + 1}`;
      eventRows.push({
        id,
        title: capitalise(faker.helpers.arrayElements(VOCABULARY.en, { min: 2, max: 5 }).join(' ')),
        kind: faker.helpers.arrayElement(EVENT_KINDS),
        starts_on: faker.date.between({ from: '2015-01-01', to: '2026-12-31' }).toISOString().slice(0, 10),
        city_id: host.id,
        country_code: host.country,
        forum_id: faker.datatype.boolean(0.9) ? faker.helpers.arrayElement(forums) : null,
        owner: host.country,
      });
      const taken = new Set<string>();
      while (taken.size < PER_SCALE.participationsPerEvent) {
        const city = faker.helpers.arrayElement(cities);
        if (taken.has(city.id)) continue;
        taken.add(city.id);
        participationRows.push({ event_id: id, city_id: city.id, country_code: city.country, role: faker.helpers.arrayElement(ROLES), owner: city.country });
      }
    }
    await inBatches(eventRows, progress, (rows) =>
      insertJsonRows(
        manager,
        'forums',
        'events',
        { id: 'text', title: 'text', kind: 'text', starts_on: 'date', city_id: 'text', country_code: 'text', forum_id: 'text', owner: 'text' },
        rows,
        '',
      ),
    );
    await inBatches(participationRows, progress, (rows) =>
      insertJsonRows(manager, 'forums', 'participations', { event_id: 'text', city_id: 'text', country_code: 'text', role: 'text', owner: 'text' }, rows, ''),
    );
    progress.stop();

    log.info('analysing the new tables');
    await manager.query('ANALYZE');
    const info: BenchDataInfo = { scale, seed, generatorVersion: GENERATOR_VERSION, counts };
    await manager.query(`CREATE TABLE public.bench_data (scale int NOT NULL, seed bigint NOT NULL, generator_version int NOT NULL, counts jsonb NOT NULL, generated_at timestamptz NOT NULL DEFAULT now())`);
    await manager.query(`INSERT INTO public.bench_data (scale, seed, generator_version, counts) VALUES ($1, $2, $3, $4)`, [scale, seed, GENERATOR_VERSION, JSON.stringify(counts)]);
    return info;
  } finally {
    for (const dataSource of sources) await dataSource.destroy();
  }
}

async function inBatches<T>(rows: readonly T[], progress: Progress | undefined, insert: (batch: readonly T[]) => Promise<number>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const inserted = await insert(batch);
    if (inserted !== batch.length) throw new Error(`inserted ${inserted} of ${batch.length} rows`);
    progress?.advance(batch.length);
  }
}

function slug(text: string): string {
  const ascii = text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  return ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'city';
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const pad = (n: number) => String(n).padStart(2, '0');
