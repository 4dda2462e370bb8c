// The knowledge seed copies the sourced resources only, maps them faithfully, and is idempotent.
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@nsc-hub/shared/src/testing';
import { buildSeedRows, knowledgeSubgraph } from '../src';

describe('seed rows', () => {
  const rows = buildSeedRows();

  test('maps every dataset resource with its sources, kind, language and publisher type', () => {
    expect(rows.resources).toHaveLength(48);
    const sourceIds = new Set(rows.sources.map((s) => s.id));
    for (const r of rows.resources) {
      expect(r.source_ids.length).toBeGreaterThan(0);
      for (const id of r.source_ids) expect(sourceIds).toContain(id);
      expect(['GUIDELINE', 'TOOLKIT', 'GOOD_PRACTICE', 'REPORT', 'RECOMMENDATION', 'ACTION_PLAN']).toContain(r.kind);
      expect(r.language).toBe(r.languages[0]);
      expect(r.publisher_type === null).toBe(r.publisher_id === null);
    }
    const plan = rows.resources.find((r) => r.id === 'dk-action-plan-2016');
    expect(plan).toMatchObject({ kind: 'ACTION_PLAN', language: 'da', published_on: '2016-10-11', published_year: 2016, owner: 'DK', country_codes: ['DK'] });
    const guide = rows.resources.find((r) => r.id === 'nsc-guide-2017');
    expect(guide).toMatchObject({ publisher_type: 'NETWORK', publisher_id: 'nordic-safe-cities', owner: 'SECRETARIAT' });
    const memo = rows.resources.find((r) => r.id === 'gctf-rome-memorandum');
    // "2012-06" is a month, not a date: only the year is kept.
    expect(memo).toMatchObject({ publisher_type: 'FORUM', published_on: null, published_year: 2012 });
  });

  test('gives topics slug ids and links each resource to its topics once', () => {
    for (const t of rows.topics) expect(t.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(rows.topics).toContainEqual({ id: 'civil-society', name: 'civil society' });
    const pairs = rows.resourceTopics.map((l) => `${l.resource_id}/${l.topic_id}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });
});

describe('seeding a database', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('knowledge_seed');
    db = knowledgeSubgraph.createDatabase(database.url).dataSource;
    await db.initialize();
    await knowledgeSubgraph.migrate(db);
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  test('inserts everything once; a second seed inserts nothing and keeps topics an editor removed off', async () => {
    expect(await knowledgeSubgraph.isSeeded(db)).toBe(false);
    const first = await knowledgeSubgraph.seed(db);
    const rows = buildSeedRows();
    expect(first).toEqual({ sources: rows.sources.length, topics: rows.topics.length, resources: 48, resourceTopics: rows.resourceTopics.length });
    await db.query(`DELETE FROM knowledge.resource_topics WHERE resource_id = 'gctf-rome-memorandum'`);
    const second = await knowledgeSubgraph.seed(db);
    expect(second).toEqual({ sources: 0, topics: 0, resources: 0, resourceTopics: 0 });
  });
});
