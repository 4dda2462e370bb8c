import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMembershipSchema1763800000000 implements MigrationInterface {
  name = 'CreateMembershipSchema1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE membership.sources (
        id text PRIMARY KEY,
        url text NOT NULL,
        title text NOT NULL
      );

      CREATE TABLE membership.countries (
        code char(2) PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
        alpha3 char(3),
        name text NOT NULL,
        native_names jsonb NOT NULL DEFAULT '[]',
        languages text[] NOT NULL DEFAULT '{}',
        status text,
        sovereign_code char(2) REFERENCES membership.countries (code),
        source_ids text[] NOT NULL DEFAULT '{}'
      );

      CREATE TABLE membership.cities (
        id text PRIMARY KEY CHECK (id ~ '^[a-z]{2}-[a-z0-9]+(-[a-z0-9]+)*$'),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        native_name text,
        country_code char(2) NOT NULL REFERENCES membership.countries (code),
        region text,
        population integer CHECK (population >= 0),
        owner text NOT NULL,
        source_ids text[] NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX cities_country_name ON membership.cities (country_code, name, id);
      CREATE INDEX cities_name ON membership.cities (name, id);

      CREATE TABLE membership.networks (
        id text PRIMARY KEY,
        name text NOT NULL,
        short_name text,
        founded integer,
        website text,
        scope text,
        description text,
        owner text NOT NULL,
        source_ids text[] NOT NULL DEFAULT '{}'
      );

      CREATE TABLE membership.memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        city_id text NOT NULL REFERENCES membership.cities (id),
        network_id text NOT NULL REFERENCES membership.networks (id),
        status text NOT NULL CHECK (status IN ('ACTIVE', 'FORMER', 'CANDIDATE')),
        role text,
        since date,
        until date,
        joined_year integer,
        first_recorded_year integer,
        evidence text,
        source_ids text[] NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (until IS NULL OR since IS NULL OR until >= since),
        CHECK (until IS NULL OR status = 'FORMER')
      );
      CREATE INDEX memberships_city ON membership.memberships (city_id);
      CREATE INDEX memberships_network_status ON membership.memberships (network_id, status);
      -- A city holds at most one current (not FORMER) membership of a network.
      CREATE UNIQUE INDEX memberships_one_current ON membership.memberships (city_id, network_id) WHERE status <> 'FORMER';

      CREATE TABLE membership.cooperation_models (
        id text PRIMARY KEY,
        name text NOT NULL,
        native_name text,
        country_code char(2) NOT NULL REFERENCES membership.countries (code),
        level text NOT NULL CHECK (level IN ('LOCAL', 'REGIONAL', 'NATIONAL')),
        partner_sectors text[] NOT NULL DEFAULT '{}',
        established_year integer,
        target_group text,
        prevention_role text,
        national_coordinator text,
        legal_basis text,
        description text,
        related_ids text[] NOT NULL DEFAULT '{}',
        owner text NOT NULL,
        source_ids text[] NOT NULL DEFAULT '{}'
      );
      CREATE INDEX cooperation_models_country ON membership.cooperation_models (country_code);

      CREATE TABLE membership.city_cooperation_models (
        city_id text NOT NULL REFERENCES membership.cities (id),
        model_id text NOT NULL REFERENCES membership.cooperation_models (id),
        evidence text,
        source_ids text[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (city_id, model_id)
      );
      CREATE INDEX city_cooperation_models_model ON membership.city_cooperation_models (model_id);

      CREATE TABLE membership.contact_persons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        city_id text NOT NULL REFERENCES membership.cities (id),
        name text NOT NULL,
        role text,
        email text,
        phone text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX contact_persons_city ON membership.contact_persons (city_id);

      CREATE TABLE membership.audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_sub text,
        actor_role text NOT NULL,
        actor_country text,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        operation text NOT NULL CHECK (operation IN ('CREATE', 'UPDATE', 'DELETE')),
        before jsonb,
        after jsonb,
        request_id text
      );
      CREATE INDEX audit_log_entity ON membership.audit_log (entity_type, entity_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE membership.audit_log;
      DROP TABLE membership.contact_persons;
      DROP TABLE membership.city_cooperation_models;
      DROP TABLE membership.cooperation_models;
      DROP TABLE membership.memberships;
      DROP TABLE membership.networks;
      DROP TABLE membership.cities;
      DROP TABLE membership.countries;
      DROP TABLE membership.sources;
    `);
  }
}
