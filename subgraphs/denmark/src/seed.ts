import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { insertJsonRows } from '@nsc-hub/shared';
import { DB_SCHEMA, OWNER_COUNTRY } from './dbSchema';
import { DANISH_REGIONS, MUNICIPALITY_LIST_BASES } from './entities';

/** The seed files as copied into the repository (see seed/README.md and seed/SOURCES.md). */
const SEED_DIR = path.resolve(__dirname, '..', 'seed', 'data');

interface SourceRecord {
  id: string;
  url: string;
  title: string;
}
interface StructureNote {
  present: boolean;
  basis?: string | null;
  scope?: string | null;
  structure_id?: string;
  source_ids: string[];
}
interface DistrictRecord {
  id: string;
  name_da: string;
  name_en: string | null;
  in_denmark_proper: boolean;
  dagi_kode: string | null;
  established: string | null;
  headquarters: string | null;
  state_prosecutor: string | null;
  municipality_count: number | null;
  municipality_ids: string[] | null;
  municipality_sources: Record<string, string[]> | null;
  municipalities_note: string | null;
  kredsraad: StructureNote | null;
  lokalraad: StructureNote | null;
  infohus: StructureNote | null;
  notes: string | null;
  sources: SourceRecord[];
}
interface MunicipalityRecord {
  id: string;
  name: string;
  kommunekode: string;
  region: string;
  police_district_id: string;
  sources: SourceRecord[];
}
interface StructureRecord {
  id: string;
  name_da: string;
  name_en: string | null;
  kind: 'structure_type' | 'local_instance';
  level: 'police_district' | 'municipality';
  established: string | null;
  legal_basis: string | null;
  description: string | null;
  count: number | null;
  municipality_id?: string | null;
  police_district_id?: string | null;
  sources: SourceRecord[];
}
interface NationalBodyRecord {
  id: string;
  name_da: string;
  name_en: string | null;
  abbreviation: string | null;
  kind: string;
  parent: string | null;
  established: string | null;
  announced?: string | null;
  opened_publicly?: string | null;
  dissolved_or_merged: string | null;
  secretariat_provided_by?: string | null;
  description: string | null;
  sources: SourceRecord[];
}
interface Territories {
  default: string;
  policeDistricts: Record<string, string>;
  nationalBodies: Record<string, string>;
}

const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(SEED_DIR, file), 'utf8')) as T;

/** `Region Hovedstaden` → `HOVEDSTADEN`, `Region Sjælland` → `SJAELLAND`. */
function region(name: string): string {
  const value = name.replace(/^Region /, '').toUpperCase().replace(/Æ/g, 'AE').replace(/Ø/g, 'OE').replace(/Å/g, 'AA');
  if (!(DANISH_REGIONS as readonly string[]).includes(value)) throw new Error(`Seed: unknown region "${name}"`);
  return value;
}

/** The rows the seed inserts, table by table; pure, so it is tested without a database. */
export function buildSeedRows() {
  const districts = read<DistrictRecord[]>('police-districts.json');
  const municipalities = read<MunicipalityRecord[]>('municipalities.json');
  const structures = read<StructureRecord[]>('prevention-structures.json');
  const bodies = read<NationalBodyRecord[]>('national-bodies.json');
  const hubCities = read<{ city: string; municipality: string }[]>('hub-cities.json');
  const listBasis = new Map(read<{ district: string; basis: string }[]>('municipality-list-basis.json').map((b) => [b.district, b.basis]));
  const structureTypes = new Map(read<{ instance: string; type: string }[]>('structure-types.json').map((t) => [t.instance, t.type]));
  const territories = read<Territories>('territories.json');
  const cooperationModels = read<{ cooperationModel: string; structures: string[] }[]>('cooperation-models.json');

  const sources = new Map<string, SourceRecord>();
  for (const record of [...districts, ...municipalities, ...structures, ...bodies]) {
    for (const s of record.sources) sources.set(s.id, { id: s.id, url: s.url, title: s.title });
  }
  const codeOf = new Map(municipalities.map((m) => [m.id, m.kommunekode]));
  const districtSources = new Map<string, string[]>();
  for (const d of districts) for (const [municipality, ids] of Object.entries(d.municipality_sources ?? {})) districtSources.set(municipality, ids);
  const bodyIds = new Set(bodies.map((b) => b.id));
  const bodyRef = (value: string | null | undefined) => (value && bodyIds.has(value) ? value : null);

  for (const basis of listBasis.values()) if (!(MUNICIPALITY_LIST_BASES as readonly string[]).includes(basis)) throw new Error(`Seed: unknown list basis "${basis}"`);

  return {
    sources: [...sources.values()],
    policeDistricts: districts.map((d) => ({
      id: d.id,
      name: d.name_da,
      name_en: d.name_en,
      dagi_code: d.dagi_kode,
      in_denmark_proper: d.in_denmark_proper,
      country_code: territories.policeDistricts[d.id] ?? territories.default,
      established: d.established,
      headquarters: d.headquarters,
      state_prosecutor: d.state_prosecutor,
      municipality_count: d.municipality_count,
      municipalities_basis: d.municipality_ids ? (listBasis.get(d.id) ?? null) : null,
      municipalities_note: d.municipalities_note,
      notes: d.notes,
      source_ids: d.sources.map((s) => s.id),
      owner: OWNER_COUNTRY,
    })),
    municipalities: municipalities.map((m) => ({
      code: m.kommunekode,
      slug: m.id,
      name: m.name,
      region: region(m.region),
      police_district_id: m.police_district_id,
      district_source_ids: districtSources.get(m.id) ?? [],
      city_id: hubCities.find((c) => c.municipality === m.kommunekode)?.city ?? null,
      source_ids: m.sources.map((s) => s.id),
    })),
    // One INSERT per table: references between its own rows (an instance to its type, a body to
    // its parent) are checked at the end of that statement, so the order of the rows is free.
    preventionStructures: structures.map((s) => ({
      id: s.id,
      name: s.name_da,
      name_en: s.name_en,
      kind: s.kind.toUpperCase(),
      level: s.level.toUpperCase(),
      type_id: s.kind === 'local_instance' ? (structureTypes.get(s.id) ?? null) : null,
      established: s.established,
      legal_basis: s.legal_basis,
      description: s.description,
      count: s.count,
      municipality_code: s.municipality_id ? (codeOf.get(s.municipality_id) ?? null) : null,
      police_district_id: s.police_district_id ?? null,
      source_ids: s.sources.map((src) => src.id),
      owner: OWNER_COUNTRY,
    })),
    districtStructures: districts.flatMap((d) =>
      (
        [
          ['kredsraad', d.kredsraad],
          ['lokalraad', d.lokalraad],
          ['infohus', d.infohus],
        ] as const
      )
        .filter(([, note]) => note?.present)
        .map(([structure, note]) => ({
          police_district_id: d.id,
          structure_id: note!.structure_id ?? structure,
          note: note!.basis ?? note!.scope ?? null,
          source_ids: note!.source_ids,
        })),
    ),
    cooperationModelStructures: cooperationModels.flatMap((c) => c.structures.map((structure) => ({ cooperation_model_id: c.cooperationModel, structure_id: structure }))),
    nationalBodies: bodies.map((b) => ({
      id: b.id,
      name: b.name_da,
      name_en: b.name_en,
      abbreviation: b.abbreviation,
      kind: b.kind.replace(/_/g, ' '),
      parent_id: bodyRef(b.parent),
      parent_name: bodyRef(b.parent) ? null : b.parent,
      established: b.established,
      announced: b.announced ?? null,
      opened_publicly: b.opened_publicly ?? null,
      merged_or_dissolved: b.dissolved_or_merged,
      secretariat_provided_by_id: bodyRef(b.secretariat_provided_by),
      description: b.description,
      country_code: territories.nationalBodies[b.id] ?? territories.default,
      source_ids: b.sources.map((s) => s.id),
    })),
  };
}

export type SeedSummary = Record<
  'sources' | 'policeDistricts' | 'municipalities' | 'preventionStructures' | 'districtStructures' | 'cooperationModelStructures' | 'nationalBodies',
  number
>;

const insertRows = (m: EntityManager, table: string, columns: Record<string, string>, rows: object[], onConflict = 'ON CONFLICT DO NOTHING') =>
  insertJsonRows(m, DB_SCHEMA, table, columns, rows, onConflict);

/** Inserts the sourced seed data in one transaction; rows already there are left alone, so seeding twice changes nothing. */
export async function seedDenmark(dataSource: DataSource): Promise<SeedSummary> {
  const rows = buildSeedRows();
  return dataSource.transaction(async (m) => ({
    sources: await insertRows(m, 'sources', { id: 'text', url: 'text', title: 'text' }, rows.sources),
    policeDistricts: await insertRows(
      m,
      'police_districts',
      {
        id: 'text',
        name: 'text',
        name_en: 'text',
        dagi_code: 'text',
        in_denmark_proper: 'boolean',
        country_code: 'text',
        established: 'date',
        headquarters: 'text',
        state_prosecutor: 'text',
        municipality_count: 'integer',
        municipalities_basis: 'text',
        municipalities_note: 'text',
        notes: 'text',
        source_ids: 'text[]',
        owner: 'text',
      },
      rows.policeDistricts,
    ),
    municipalities: await insertRows(
      m,
      'municipalities',
      { code: 'text', slug: 'text', name: 'text', region: 'text', police_district_id: 'text', district_source_ids: 'text[]', city_id: 'text', source_ids: 'text[]' },
      rows.municipalities,
    ),
    preventionStructures: await insertRows(
      m,
      'prevention_structures',
      {
        id: 'text',
        name: 'text',
        name_en: 'text',
        kind: 'text',
        level: 'text',
        type_id: 'text',
        established: 'text',
        legal_basis: 'text',
        description: 'text',
        count: 'integer',
        municipality_code: 'text',
        police_district_id: 'text',
        source_ids: 'text[]',
        owner: 'text',
      },
      rows.preventionStructures,
    ),
    districtStructures: await insertRows(
      m,
      'district_structures',
      { police_district_id: 'text', structure_id: 'text', note: 'text', source_ids: 'text[]' },
      rows.districtStructures,
    ),
    cooperationModelStructures: await insertRows(m, 'cooperation_model_structures', { cooperation_model_id: 'text', structure_id: 'text' }, rows.cooperationModelStructures),
    nationalBodies: await insertRows(
      m,
      'national_bodies',
      {
        id: 'text',
        name: 'text',
        name_en: 'text',
        abbreviation: 'text',
        kind: 'text',
        parent_id: 'text',
        parent_name: 'text',
        established: 'text',
        announced: 'text',
        opened_publicly: 'text',
        merged_or_dissolved: 'text',
        secretariat_provided_by_id: 'text',
        description: 'text',
        country_code: 'text',
        source_ids: 'text[]',
      },
      rows.nationalBodies,
    ),
  }));
}

export async function isSeeded(dataSource: DataSource): Promise<boolean> {
  const rows: unknown[] = await dataSource.query(`SELECT 1 FROM ${DB_SCHEMA}.police_districts LIMIT 1`);
  return rows.length > 0;
}
