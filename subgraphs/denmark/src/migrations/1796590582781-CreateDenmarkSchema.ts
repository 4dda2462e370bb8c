import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDenmarkSchema1796590582781 implements MigrationInterface {
  name = 'CreateDenmarkSchema1796590582781';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE denmark.sources (
        id text PRIMARY KEY,
        url text NOT NULL,
        title text NOT NULL
      );

      CREATE TABLE denmark.police_districts (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name text NOT NULL,
        name_en text,
        dagi_code text UNIQUE,
        in_denmark_proper boolean NOT NULL,
        country_code text NOT NULL CHECK (country_code IN ('DK', 'GL', 'FO')),
        established date,
        headquarters text,
        state_prosecutor text,
        municipality_count integer CHECK (municipality_count >= 0),
        municipalities_basis text CHECK (municipalities_basis IN ('ONE_SOURCE', 'DERIVED', 'COMPILED', 'EXCERPT')),
        municipalities_note text,
        notes text,
        description text,
        url text,
        contact_email text,
        source_ids text[] NOT NULL DEFAULT '{}',
        owner text NOT NULL DEFAULT 'DK',
        version integer NOT NULL DEFAULT 1 CHECK (version > 0)
      );

      CREATE TABLE denmark.municipalities (
        code text PRIMARY KEY CHECK (code ~ '^[0-9]{4}$'),
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        region text NOT NULL CHECK (region IN ('HOVEDSTADEN', 'MIDTJYLLAND', 'NORDJYLLAND', 'SJAELLAND', 'SYDDANMARK')),
        police_district_id text NOT NULL REFERENCES denmark.police_districts (id),
        district_source_ids text[] NOT NULL DEFAULT '{}',
        -- The hub's city for this municipality (membership's id), where it has one.
        city_id text UNIQUE,
        source_ids text[] NOT NULL DEFAULT '{}'
      );
      CREATE INDEX municipalities_by_district ON denmark.municipalities (police_district_id);

      CREATE TABLE denmark.prevention_structures (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(id) <= 100),
        name text NOT NULL,
        name_en text,
        kind text NOT NULL CHECK (kind IN ('STRUCTURE_TYPE', 'LOCAL_INSTANCE')),
        level text NOT NULL CHECK (level IN ('POLICE_DISTRICT', 'MUNICIPALITY')),
        type_id text REFERENCES denmark.prevention_structures (id),
        established text,
        legal_basis text,
        description text,
        count integer,
        municipality_code text REFERENCES denmark.municipalities (code),
        police_district_id text REFERENCES denmark.police_districts (id),
        url text,
        contact_email text,
        source_ids text[] NOT NULL DEFAULT '{}',
        owner text NOT NULL DEFAULT 'DK',
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        CHECK ((kind = 'STRUCTURE_TYPE') = (type_id IS NULL))
      );
      CREATE INDEX prevention_structures_by_municipality ON denmark.prevention_structures (municipality_code);
      CREATE INDEX prevention_structures_by_district ON denmark.prevention_structures (police_district_id);
      CREATE INDEX prevention_structures_by_type ON denmark.prevention_structures (type_id);

      -- A district's kredsråd, lokalråd and infohus: the structure type, and what the sources say of it there.
      CREATE TABLE denmark.district_structures (
        police_district_id text NOT NULL REFERENCES denmark.police_districts (id),
        structure_id text NOT NULL REFERENCES denmark.prevention_structures (id),
        note text,
        source_ids text[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (police_district_id, structure_id)
      );

      -- Which of the membership subgraph's cooperation models (by its id) a structure type is.
      CREATE TABLE denmark.cooperation_model_structures (
        cooperation_model_id text NOT NULL,
        structure_id text NOT NULL REFERENCES denmark.prevention_structures (id),
        PRIMARY KEY (cooperation_model_id, structure_id)
      );

      CREATE TABLE denmark.national_bodies (
        id text PRIMARY KEY,
        name text NOT NULL,
        name_en text,
        abbreviation text,
        kind text NOT NULL,
        parent_id text REFERENCES denmark.national_bodies (id),
        parent_name text,
        established text,
        announced text,
        opened_publicly text,
        merged_or_dissolved text,
        secretariat_provided_by_id text REFERENCES denmark.national_bodies (id),
        description text,
        country_code text NOT NULL CHECK (country_code ~ '^[A-Z]{2}$'),
        source_ids text[] NOT NULL DEFAULT '{}'
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE denmark.national_bodies;
      DROP TABLE denmark.cooperation_model_structures;
      DROP TABLE denmark.district_structures;
      DROP TABLE denmark.prevention_structures;
      DROP TABLE denmark.municipalities;
      DROP TABLE denmark.police_districts;
      DROP TABLE denmark.sources;
    `);
  }
}
