// The Danish seed copies the sourced dataset faithfully: 14 police districts and all 98
// municipalities, each municipality in exactly one district of Denmark proper, each district with
// as many municipalities as its sources state, every cited source present; the hub's Danish cities
// matched to their municipalities by the membership subgraph's own ids; seeding twice inserts nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@nsc-hub/shared/src/testing';
import type { DataSource } from 'typeorm';
import { buildSeedRows, denmarkSubgraph } from '../src';

const rows = buildSeedRows();

describe('seed rows', () => {
  test('14 police districts and 98 municipalities, each municipality in exactly one district of Denmark proper', () => {
    expect(rows.policeDistricts).toHaveLength(14);
    expect(rows.municipalities).toHaveLength(98);
    expect(new Set(rows.municipalities.map((m) => m.code)).size).toBe(98);
    const proper = new Set(rows.policeDistricts.filter((d) => d.in_denmark_proper).map((d) => d.id));
    expect(proper.size).toBe(12);
    for (const m of rows.municipalities) expect(proper).toContain(m.police_district_id);
  });

  test("each district of Denmark proper has as many municipalities as its sources state, the ones its record lists", () => {
    const dataset = JSON.parse(readFileSync(path.join(__dirname, '..', 'seed', 'data', 'police-districts.json'), 'utf8')) as {
      id: string;
      municipality_count: number | null;
      municipality_ids: string[] | null;
    }[];
    for (const district of dataset.filter((d) => d.municipality_ids)) {
      const placed = rows.municipalities.filter((m) => m.police_district_id === district.id);
      expect({ district: district.id, count: placed.length }).toEqual({ district: district.id, count: district.municipality_count });
      expect(placed.map((m) => m.slug).sort()).toEqual([...district.municipality_ids!].sort());
    }
    expect(rows.municipalities.filter((m) => m.police_district_id === 'oestjyllands-politi').map((m) => m.name)).toContain('Aarhus');
  });

  test('every source a record cites is among the sources seeded', () => {
    const sources = new Set(rows.sources.map((s) => s.id));
    const cited = [
      ...rows.policeDistricts.flatMap((d) => d.source_ids),
      ...rows.municipalities.flatMap((m) => [...m.source_ids, ...m.district_source_ids]),
      ...rows.preventionStructures.flatMap((s) => s.source_ids),
      ...rows.districtStructures.flatMap((s) => s.source_ids),
      ...rows.nationalBodies.flatMap((b) => b.source_ids),
    ];
    expect(cited.length).toBeGreaterThan(200);
    expect(cited.filter((id) => !sources.has(id))).toEqual([]);
    for (const m of rows.municipalities) expect(m.district_source_ids.length).toBeGreaterThan(0);
  });

  test("lists pieced together keep the dataset's confidence: basis and note", () => {
    const basis = Object.fromEntries(rows.policeDistricts.map((d) => [d.id, d.municipalities_basis]));
    expect(basis).toMatchObject({ 'oestjyllands-politi': 'ONE_SOURCE', 'syd-og-soenderjyllands-politi': 'DERIVED', 'midt-og-vestjyllands-politi': 'COMPILED', 'bornholms-politi': 'EXCERPT', 'groenlands-politi': null });
    for (const d of rows.policeDistricts.filter((d) => d.in_denmark_proper)) expect(d.municipalities_basis).not.toBeNull();
    expect(rows.policeDistricts.find((d) => d.id === 'midt-og-vestjyllands-politi')?.municipalities_note).toMatch(/No single stored page lists all 11/);
  });

  test("the hub's Danish cities are matched by the membership subgraph's ids and names, each to one municipality", () => {
    const membershipCities = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'membership', 'seed', 'data', 'cities.json'), 'utf8')) as {
      id: string;
      name: string;
      name_local: string | null;
      country: string;
    }[];
    // The membership seed makes a city's id from its country and dataset id (dk-aarhus).
    const danish = membershipCities.filter((c) => c.country === 'DK').map((c) => ({ id: `dk-${c.id}`, names: [c.name, c.name_local] }));
    const linked = rows.municipalities.filter((m) => m.city_id !== null);
    expect(linked.map((m) => m.city_id).sort()).toEqual(danish.map((c) => c.id).sort());
    for (const m of linked) expect(danish.find((c) => c.id === m.city_id)?.names).toContain(m.name);
  });
});

test("the cooperation models linked to structure types are the membership subgraph's Danish ones, by its ids", () => {
  const models = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'membership', 'seed', 'data', 'local-models.json'), 'utf8')) as { id: string; country: string }[];
  const danish = new Set(models.filter((m) => m.country === 'DK').map((m) => m.id));
  const types = new Set(rows.preventionStructures.filter((s) => s.kind === 'STRUCTURE_TYPE').map((s) => s.id));
  expect(rows.cooperationModelStructures.length).toBeGreaterThan(0);
  for (const link of rows.cooperationModelStructures) {
    expect(danish).toContain(link.cooperation_model_id);
    expect(types).toContain(link.structure_id);
  }
});

describe('seeding a database', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('denmark_seed');
    dataSource = denmarkSubgraph.createDatabase(database.url, { poolSize: 2 }).dataSource;
    await dataSource.initialize();
    await denmarkSubgraph.migrate(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  test('inserts every row once; seeding again inserts nothing', async () => {
    expect(await denmarkSubgraph.isSeeded(dataSource)).toBe(false);
    const first = await denmarkSubgraph.seed(dataSource);
    expect(first).toEqual({
      sources: rows.sources.length,
      policeDistricts: 14,
      municipalities: 98,
      preventionStructures: 7,
      districtStructures: rows.districtStructures.length,
      cooperationModelStructures: 4,
      nationalBodies: 8,
    });
    expect(rows.districtStructures).toHaveLength(36);
    expect(await denmarkSubgraph.isSeeded(dataSource)).toBe(true);
    const again = await denmarkSubgraph.seed(dataSource);
    expect(Object.values(again).every((n) => n === 0)).toBe(true);
  });
});
