// The seed copies sourced facts only: every record cites sources, ids are stable slugs, and
// seeding twice changes nothing.
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@nsc-hub/shared/src/testing';
import { buildSeedRows, membershipSubgraph } from '../src';

describe('seed rows', () => {
  const rows = buildSeedRows();

  test('gives every city a country-prefixed slug id and its country as owner', () => {
    expect(rows.cities).toHaveLength(21);
    for (const city of rows.cities) {
      expect(city.id).toMatch(/^[a-z]{2}-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(city.id.startsWith(`${city.country_code.toLowerCase()}-`)).toBe(true);
      expect(city.owner).toBe(city.country_code);
    }
    expect(rows.cities.map((c) => c.id)).toEqual(expect.arrayContaining(['dk-copenhagen', 'dk-aarhus', 'no-oslo', 'se-malmo', 'is-reykjavik']));
  });

  test('keeps a source reference on every record', () => {
    const sourceIds = new Set(rows.sources.map((s) => s.id));
    const records = [...rows.countries, ...rows.networks, ...rows.cities, ...rows.memberships, ...rows.cooperationModels, ...rows.cityCooperationModels];
    for (const record of records) {
      expect(record.source_ids.length).toBeGreaterThan(0);
      for (const id of record.source_ids) expect(sourceIds).toContain(id);
    }
    for (const source of rows.sources) expect(source.url).toMatch(/^https?:\/\//);
  });

  test('links memberships and cooperation models only to seeded cities, networks and models', () => {
    const cities = new Set(rows.cities.map((c) => c.id));
    const networks = new Set(rows.networks.map((n) => n.id));
    const models = new Set(rows.cooperationModels.map((m) => m.id));
    for (const m of rows.memberships) {
      expect(cities).toContain(m.city_id);
      expect(networks).toContain(m.network_id);
    }
    for (const l of rows.cityCooperationModels) {
      expect(cities).toContain(l.city_id);
      expect(models).toContain(l.model_id);
    }
  });

  test('invents nothing the sources do not give: no region, population or exact dates', () => {
    for (const city of rows.cities) expect(Object.keys(city)).not.toEqual(expect.arrayContaining(['region', 'population']));
    for (const m of rows.memberships) expect(m).not.toHaveProperty('since');
    const copenhagenNsc = rows.memberships.find((m) => m.city_id === 'dk-copenhagen' && m.network_id === 'nordic-safe-cities');
    expect(copenhagenNsc).toMatchObject({ status: 'ACTIVE', joined_year: 2016, first_recorded_year: 2016 });
    const aarhusNsc = rows.memberships.find((m) => m.city_id === 'dk-aarhus' && m.network_id === 'nordic-safe-cities');
    expect(aarhusNsc).toBeUndefined();
  });
});

describe('seeding a database', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('membership_seed');
    db = membershipSubgraph.createDatabase(database.url).dataSource;
    await db.initialize();
    await membershipSubgraph.migrate(db);
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  test('inserts every record once and nothing the second time', async () => {
    expect(await membershipSubgraph.isSeeded(db)).toBe(false);
    const first = await membershipSubgraph.seed(db);
    const rows = buildSeedRows();
    expect(first).toEqual({
      sources: rows.sources.length,
      countries: 8,
      networks: 3,
      cities: 21,
      memberships: rows.memberships.length,
      cooperationModels: 16,
      cityCooperationModels: rows.cityCooperationModels.length,
    });
    expect(await membershipSubgraph.isSeeded(db)).toBe(true);
    const second = await membershipSubgraph.seed(db);
    expect(Object.values(second).every((n) => n === 0)).toBe(true);
    const [{ count }] = await db.query('SELECT count(*)::int AS count FROM membership.memberships');
    expect(count).toBe(rows.memberships.length);
  });

  test('leaves a membership ended since seeding ended: a re-seed does not bring it back', async () => {
    await db.query(
      `UPDATE membership.memberships SET status = 'FORMER', until = '2024-01-01' WHERE city_id = 'dk-copenhagen' AND network_id = 'nordic-safe-cities'`,
    );
    const again = await membershipSubgraph.seed(db);
    expect(again.memberships).toBe(0);
    const rows = await db.query(
      `SELECT status, until FROM membership.memberships WHERE city_id = 'dk-copenhagen' AND network_id = 'nordic-safe-cities'`,
    );
    expect(rows).toEqual([{ status: 'FORMER', until: '2024-01-01' }]);
  });

  test('applies migrations once: a second run applies none', async () => {
    expect(await membershipSubgraph.migrate(db)).toEqual([]);
  });
});
