import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateForumsSchema1764000000000 implements MigrationInterface {
  name = 'CreateForumsSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE forums.sources (
        id text PRIMARY KEY,
        url text NOT NULL,
        title text NOT NULL
      );

      CREATE TABLE forums.forums (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name text NOT NULL,
        acronym text,
        kind text NOT NULL CHECK (kind IN ('EU', 'UN', 'INTERGOVERNMENTAL', 'CITY_NETWORK', 'NORDIC', 'OTHER')),
        founded_year integer,
        founded_on date,
        website text,
        description text,
        founder text,
        members_scope text,
        structure text,
        predecessor_id text REFERENCES forums.forums (id),
        successor_id text REFERENCES forums.forums (id),
        network_id text,
        source_ids text[] NOT NULL DEFAULT '{}'
      );

      CREATE TABLE forums.working_groups (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        forum_id text NOT NULL REFERENCES forums.forums (id),
        name text NOT NULL,
        acronym text,
        focus text,
        period text,
        status text,
        source_ids text[] NOT NULL DEFAULT '{}'
      );
      CREATE INDEX working_groups_forum ON forums.working_groups (forum_id);

      CREATE TABLE forums.events (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
        kind text NOT NULL CHECK (kind IN ('SIDE_EVENT', 'CONFERENCE', 'WORKING_GROUP_MEETING', 'STUDY_VISIT', 'WEBINAR', 'SUMMIT', 'OTHER')),
        format text,
        starts_on date NOT NULL,
        ends_on date CHECK (ends_on >= starts_on),
        -- For an end the sources give only as a month or year: the last day it may have been.
        ends_by date CHECK (ends_by >= starts_on),
        date_precision text NOT NULL DEFAULT 'DAY' CHECK (date_precision IN ('DAY', 'WEEK', 'MONTH', 'YEAR')),
        date_note text,
        -- The last day the event may have run: for "some day in May 2018", 31 May. Range filters
        -- compare against it, so an event known only by its month or year is not lost.
        last_day date GENERATED ALWAYS AS (coalesce(ends_on, ends_by, CASE date_precision
          WHEN 'WEEK' THEN starts_on + 6
          WHEN 'MONTH' THEN (date_trunc('month', starts_on::timestamp) + interval '1 month - 1 day')::date
          WHEN 'YEAR' THEN make_date(extract(year FROM starts_on)::int, 12, 31)
          ELSE starts_on END)) STORED,
        venue text,
        city_id text,
        country_code text CHECK (country_code ~ '^[A-Z]{2}$'),
        forum_id text REFERENCES forums.forums (id),
        working_group_id text REFERENCES forums.working_groups (id),
        description text,
        outcome_ids text[] NOT NULL DEFAULT '{}',
        related_ids text[] NOT NULL DEFAULT '{}',
        owner text NOT NULL,
        source_ids text[] NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (city_id IS NULL OR country_code IS NOT NULL),
        CHECK (ends_on IS NULL OR ends_by IS NULL)
      );
      CREATE INDEX events_listing ON forums.events (starts_on DESC, id);
      CREATE INDEX events_forum ON forums.events (forum_id, starts_on DESC, id);
      CREATE INDEX events_city ON forums.events (city_id);
      CREATE INDEX events_country ON forums.events (country_code);

      CREATE TABLE forums.participations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id text NOT NULL REFERENCES forums.events (id),
        city_id text,
        country_code text CHECK (country_code ~ '^[A-Z]{2}$'),
        organisation text,
        forum_id text REFERENCES forums.forums (id),
        network_id text,
        role text NOT NULL CHECK (role IN ('HOST', 'ORGANISER', 'SPEAKER', 'DELEGATE', 'OBSERVER')),
        note text,
        owner text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- Who took part: a city, else a country on its own, else an organisation (of a country, or
        -- of none). One participation per participant and event.
        participant_key text NOT NULL GENERATED ALWAYS AS (coalesce(
          'city:' || city_id,
          CASE WHEN organisation IS NULL THEN 'country:' || country_code END,
          'organisation:' || coalesce(country_code, '') || ':' || lower(organisation))) STORED,
        CHECK (city_id IS NOT NULL OR country_code IS NOT NULL OR organisation IS NOT NULL),
        CHECK (city_id IS NULL OR country_code IS NOT NULL),
        UNIQUE (event_id, participant_key)
      );
      CREATE INDEX participations_city ON forums.participations (city_id);
      CREATE INDEX participations_country ON forums.participations (country_code);

      CREATE TABLE forums.audit_log (
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
      CREATE INDEX audit_log_entity ON forums.audit_log (entity_type, entity_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE forums.audit_log;
      DROP TABLE forums.participations;
      DROP TABLE forums.events;
      DROP TABLE forums.working_groups;
      DROP TABLE forums.forums;
      DROP TABLE forums.sources;
    `);
  }
}
