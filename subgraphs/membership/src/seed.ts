import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { SECRETARIAT, insertJsonRows } from '@nsc-hub/shared';
import { DB_SCHEMA } from './dbSchema';

/** The seed files as copied into the repository (see seed/README.md). */
const SEED_DIR = path.resolve(__dirname, '..', 'seed', 'data');

interface SourceRef {
  id: string;
  url: string;
  title: string;
}
interface Sourced {
  sources: SourceRef[];
}
interface CountryRecord extends Sourced {
  code: string;
  alpha3: string | null;
  name_en: string;
  status: string | null;
  sovereign: string | null;
  native_names: { lang: string; name: string }[];
  official_languages: string[];
}
interface CityRecord extends Sourced {
  id: string;
  name: string;
  name_local: string | null;
  country: string;
  memberships: {
    network: string;
    role: string | null;
    joined_year: number | null;
    first_recorded_year: number | null;
    evidence: string | null;
    source_ids: string[];
  }[];
}
interface NetworkRecord extends Sourced {
  id: string;
  name: string;
  short_name: string | null;
  founded_year: number | null;
  website: string | null;
  scope: string | null;
  description: string | null;
}
interface ModelRecord extends Sourced {
  id: string;
  name: string;
  name_local: string | null;
  country: string;
  level: string;
  partners: string[];
  established_year: number | null;
  target_group: string | null;
  pve_role: string | null;
  national_coordinator: string | null;
  legal_basis: string | null;
  description: string | null;
  related: string[];
}
interface CityModelRecord {
  city: string;
  country: string;
  model: string;
  evidence: string;
  source_ids: string[];
}

function read<T>(file: string): T[] {
  return JSON.parse(readFileSync(path.join(SEED_DIR, file), 'utf8')) as T[];
}

/** `copenhagen` in DK → `dk-copenhagen`: ids stay stable and readable, and unique across countries. */
export function cityIdFor(country: string, datasetId: string): string {
  return `${country.toLowerCase()}-${datasetId}`;
}

export interface SeedSummary {
  sources: number;
  countries: number;
  networks: number;
  cities: number;
  memberships: number;
  cooperationModels: number;
  cityCooperationModels: number;
}

/** Rows as the seed would insert them; pure, so it is tested without a database. */
export function buildSeedRows() {
  const countries = read<CountryRecord>('countries.json');
  const cities = read<CityRecord>('cities.json');
  const networks = read<NetworkRecord>('networks.json');
  const models = read<ModelRecord>('local-models.json');
  const cityModels = read<CityModelRecord>('city-cooperation-models.json');

  const sources = new Map<string, SourceRef>();
  for (const record of [...countries, ...cities, ...networks, ...models]) {
    for (const s of record.sources) sources.set(s.id, { id: s.id, url: s.url, title: s.title });
  }
  const ids = (record: Sourced) => record.sources.map((s) => s.id);
  const known = (sourceIds: string[], where: string) => {
    const missing = sourceIds.filter((id) => !sources.has(id));
    if (missing.length) throw new Error(`Seed data for ${where} cites unknown sources: ${missing.join(', ')}`);
    return sourceIds;
  };

  return {
    sources: [...sources.values()],
    // Sovereign states first: autonomous territories reference them.
    countries: [...countries]
      .sort((a, b) => Number(a.sovereign !== null) - Number(b.sovereign !== null))
      .map((c) => ({
        code: c.code,
        alpha3: c.alpha3,
        name: c.name_en,
        native_names: c.native_names.map((n) => ({ language: n.lang, name: n.name })),
        languages: c.official_languages,
        status: c.status,
        sovereign_code: c.sovereign,
        source_ids: ids(c),
      })),
    networks: networks.map((n) => ({
      id: n.id,
      name: n.name,
      short_name: n.short_name,
      founded: n.founded_year,
      website: n.website,
      scope: n.scope,
      description: n.description,
      owner: SECRETARIAT,
      source_ids: ids(n),
    })),
    cities: cities.map((c) => ({
      id: cityIdFor(c.country, c.id),
      name: c.name,
      native_name: c.name_local,
      country_code: c.country,
      owner: c.country,
      source_ids: ids(c),
    })),
    memberships: cities.flatMap((c) =>
      c.memberships.map((m) => ({
        city_id: cityIdFor(c.country, c.id),
        network_id: m.network,
        status: 'ACTIVE',
        role: m.role,
        joined_year: m.joined_year,
        first_recorded_year: m.first_recorded_year,
        evidence: m.evidence,
        source_ids: known(m.source_ids, `${c.id} in ${m.network}`),
      })),
    ),
    cooperationModels: models.map((m) => ({
      id: m.id,
      name: m.name,
      native_name: m.name_local,
      country_code: m.country,
      level: m.level.toUpperCase(),
      partner_sectors: m.partners,
      established_year: m.established_year,
      target_group: m.target_group,
      prevention_role: m.pve_role,
      national_coordinator: m.national_coordinator,
      legal_basis: m.legal_basis,
      description: m.description,
      related_ids: m.related,
      owner: m.country,
      source_ids: ids(m),
    })),
    cityCooperationModels: cityModels.map((l) => ({
      city_id: cityIdFor(l.country, l.city),
      model_id: l.model,
      evidence: l.evidence,
      source_ids: known(l.source_ids, `${l.city} running ${l.model}`),
    })),
  };
}

const insertRows = (m: EntityManager, table: string, columns: Record<string, string>, rows: object[], onConflict: string) =>
  insertJsonRows(m, DB_SCHEMA, table, columns, rows, onConflict);

export async function seedMembership(dataSource: DataSource): Promise<SeedSummary> {
  const rows = buildSeedRows();
  return dataSource.transaction(async (m) => ({
    sources: await insertRows(m, 'sources', { id: 'text', url: 'text', title: 'text' }, rows.sources, 'ON CONFLICT (id) DO NOTHING'),
    countries: await insertRows(
      m,
      'countries',
      { code: 'char(2)', alpha3: 'char(3)', name: 'text', native_names: 'jsonb', languages: 'text[]', status: 'text', sovereign_code: 'char(2)', source_ids: 'text[]' },
      rows.countries,
      'ON CONFLICT (code) DO NOTHING',
    ),
    networks: await insertRows(
      m,
      'networks',
      { id: 'text', name: 'text', short_name: 'text', founded: 'integer', website: 'text', scope: 'text', description: 'text', owner: 'text', source_ids: 'text[]' },
      rows.networks,
      'ON CONFLICT (id) DO NOTHING',
    ),
    cities: await insertRows(
      m,
      'cities',
      { id: 'text', name: 'text', native_name: 'text', country_code: 'char(2)', owner: 'text', source_ids: 'text[]' },
      rows.cities,
      'ON CONFLICT (id) DO NOTHING',
    ),
    memberships: await insertRows(
      m,
      'memberships',
      {
        city_id: 'text',
        network_id: 'text',
        status: 'text',
        role: 'text',
        joined_year: 'integer',
        first_recorded_year: 'integer',
        evidence: 'text',
        source_ids: 'text[]',
      },
      rows.memberships,
      // Any membership of the pair, current or ended, means the seed's is there already: an
      // ended membership must not come back as ACTIVE on a re-seed.
      `WHERE NOT EXISTS (SELECT 1 FROM ${DB_SCHEMA}.memberships m WHERE m.city_id = r.city_id AND m.network_id = r.network_id)
       ON CONFLICT (city_id, network_id) WHERE status <> 'FORMER' DO NOTHING`,
    ),
    cooperationModels: await insertRows(
      m,
      'cooperation_models',
      {
        id: 'text',
        name: 'text',
        native_name: 'text',
        country_code: 'char(2)',
        level: 'text',
        partner_sectors: 'text[]',
        established_year: 'integer',
        target_group: 'text',
        prevention_role: 'text',
        national_coordinator: 'text',
        legal_basis: 'text',
        description: 'text',
        related_ids: 'text[]',
        owner: 'text',
        source_ids: 'text[]',
      },
      rows.cooperationModels,
      'ON CONFLICT (id) DO NOTHING',
    ),
    cityCooperationModels: await insertRows(
      m,
      'city_cooperation_models',
      { city_id: 'text', model_id: 'text', evidence: 'text', source_ids: 'text[]' },
      rows.cityCooperationModels,
      'ON CONFLICT (city_id, model_id) DO NOTHING',
    ),
  }));
}

export async function isSeeded(dataSource: DataSource): Promise<boolean> {
  const rows: unknown[] = await dataSource.query(`SELECT 1 FROM ${DB_SCHEMA}.countries LIMIT 1`);
  return rows.length > 0;
}
