import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { SECRETARIAT, insertJsonRows, slugify } from '@nsc-hub/shared';
import { DB_SCHEMA } from './dbSchema';

/** The seed files as copied into the repository (see seed/README.md). */
const SEED_DIR = path.resolve(__dirname, '..', 'seed', 'data');

interface ResourceRecord {
  id: string;
  title: string;
  title_local: string | null;
  publisher_id: string | null;
  publisher: string | null;
  country: string | null;
  year: number | null;
  date: string | null;
  languages: string[];
  type: string;
  topics: string[];
  url: string | null;
  description: string | null;
  sources: { id: string; url: string; title: string }[];
}

const read = <T>(file: string): T[] => JSON.parse(readFileSync(path.join(SEED_DIR, file), 'utf8')) as T[];

/** Rows as the seed would insert them; pure, so it is tested without a database. */
export function buildSeedRows() {
  const resources = read<ResourceRecord>('resources.json');
  const publishers = new Map(read<{ id: string; type: string }>('publishers.json').map((p) => [p.id, p.type]));
  const cityLinks = read<{ resource: string; city: string }>('resource-cities.json');

  const sources = new Map<string, { id: string; url: string; title: string }>();
  const topics = new Map<string, { id: string; name: string }>();
  for (const r of resources) {
    for (const s of r.sources) sources.set(s.id, { id: s.id, url: s.url, title: s.title });
    for (const name of r.topics) topics.set(slugify(name), { id: slugify(name), name });
  }
  return {
    sources: [...sources.values()],
    topics: [...topics.values()],
    resources: resources.map((r) => {
      const publisherType = r.publisher_id ? publishers.get(r.publisher_id) : undefined;
      if (r.publisher_id && !publisherType) throw new Error(`Seed resource ${r.id}: unknown publisher "${r.publisher_id}"`);
      return {
        id: r.id,
        title: r.title,
        title_local: r.title_local,
        summary: r.description,
        kind: r.type.toUpperCase().replace(/-/g, '_'),
        language: r.languages[0],
        languages: r.languages,
        // The dataset's descriptions are English paraphrases.
        summary_language: 'en',
        url: r.url,
        published_on: r.date && /^\d{4}-\d{2}-\d{2}$/.test(r.date) ? r.date : null,
        published_year: r.year,
        publisher_type: publisherType ?? null,
        publisher_id: r.publisher_id,
        publisher_name: r.publisher,
        country_codes: r.country ? [r.country] : [],
        city_ids: cityLinks.filter((l) => l.resource === r.id).map((l) => l.city),
        owner: r.country ?? SECRETARIAT,
        source_ids: r.sources.map((s) => s.id),
      };
    }),
    resourceTopics: resources.flatMap((r) => [...new Set(r.topics.map(slugify))].map((topic) => ({ resource_id: r.id, topic_id: topic }))),
  };
}

export type SeedSummary = Record<'sources' | 'topics' | 'resources' | 'resourceTopics', number>;

const insertRows = (m: EntityManager, table: string, columns: Record<string, string>, rows: object[], onConflict: string) =>
  insertJsonRows(m, DB_SCHEMA, table, columns, rows, onConflict);

/** Inserts the sourced seed data; rows already there are left alone, so seeding twice changes nothing. */
export async function seedKnowledge(dataSource: DataSource): Promise<SeedSummary> {
  const rows = buildSeedRows();
  return dataSource.transaction(async (m) => {
    // Topics are linked only to resources this run inserts: a topic an editor took off a seeded
    // resource stays off.
    const existing: { id: string }[] = await m.query(`SELECT id FROM ${DB_SCHEMA}.resources WHERE id = ANY($1)`, [
      rows.resources.map((r) => r.id),
    ]);
    const isNew = (id: string) => !existing.some((e) => e.id === id);
    return {
      sources: await insertRows(m, 'sources', { id: 'text', url: 'text', title: 'text' }, rows.sources, 'ON CONFLICT (id) DO NOTHING'),
      topics: await insertRows(m, 'topics', { id: 'text', name: 'text' }, rows.topics, 'ON CONFLICT DO NOTHING'),
      resources: await insertRows(
        m,
        'resources',
        {
          id: 'text',
          title: 'text',
          title_local: 'text',
          summary: 'text',
          kind: 'text',
          language: 'text',
          languages: 'text[]',
          summary_language: 'text',
          url: 'text',
          published_on: 'date',
          published_year: 'integer',
          publisher_type: 'text',
          publisher_id: 'text',
          publisher_name: 'text',
          country_codes: 'text[]',
          city_ids: 'text[]',
          owner: 'text',
          source_ids: 'text[]',
        },
        rows.resources.filter((r) => isNew(r.id)),
        'ON CONFLICT (id) DO NOTHING',
      ),
      resourceTopics: await insertRows(
        m,
        'resource_topics',
        { resource_id: 'text', topic_id: 'text' },
        rows.resourceTopics.filter((l) => isNew(l.resource_id)),
        'ON CONFLICT DO NOTHING',
      ),
    };
  });
}

export async function isSeeded(dataSource: DataSource): Promise<boolean> {
  const rows: unknown[] = await dataSource.query(`SELECT 1 FROM ${DB_SCHEMA}.resources LIMIT 1`);
  return rows.length > 0;
}
