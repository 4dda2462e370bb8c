import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateKnowledgeSchema1763900000000 implements MigrationInterface {
  name = 'CreateKnowledgeSchema1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Text search configuration per language tag: a stemmer where Postgres has one for the
      -- language, 'simple' (lower-casing only) otherwise, e.g. Icelandic or Faroese.
      CREATE FUNCTION knowledge.text_search_config(language text) RETURNS regconfig
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT (CASE split_part(lower(coalesce(language, '')), '-', 1)
          WHEN 'da' THEN 'danish' WHEN 'no' THEN 'norwegian' WHEN 'nb' THEN 'norwegian' WHEN 'nn' THEN 'norwegian'
          WHEN 'sv' THEN 'swedish' WHEN 'fi' THEN 'finnish' WHEN 'en' THEN 'english' WHEN 'de' THEN 'german'
          WHEN 'fr' THEN 'french' WHEN 'es' THEN 'spanish' WHEN 'nl' THEN 'dutch' WHEN 'ar' THEN 'arabic'
          WHEN 'ru' THEN 'russian'
          ELSE 'simple' END)::regconfig
      $$;

      CREATE TABLE knowledge.sources (
        id text PRIMARY KEY,
        url text NOT NULL,
        title text NOT NULL
      );

      CREATE TABLE knowledge.topics (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name text NOT NULL UNIQUE
      );

      CREATE TABLE knowledge.resources (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
        title_local text,
        summary text,
        kind text NOT NULL CHECK (kind IN ('GUIDELINE', 'TOOLKIT', 'GOOD_PRACTICE', 'REPORT', 'RECOMMENDATION', 'ACTION_PLAN', 'TRAINING', 'RESEARCH')),
        language text NOT NULL,
        languages text[] NOT NULL CHECK (cardinality(languages) > 0 AND languages[1] = language),
        summary_language text,
        url text,
        published_on date,
        published_year integer CHECK (published_year BETWEEN 1900 AND 2200),
        sort_date date GENERATED ALWAYS AS (coalesce(published_on, make_date(published_year, 1, 1), DATE '0001-01-01')) STORED,
        audiences text[] NOT NULL DEFAULT '{}',
        publisher_type text CHECK (publisher_type IN ('FORUM', 'NETWORK', 'CITY')),
        publisher_id text,
        publisher_name text,
        country_codes text[] NOT NULL DEFAULT '{}',
        city_ids text[] NOT NULL DEFAULT '{}',
        owner text NOT NULL,
        source_ids text[] NOT NULL DEFAULT '{}',
        archived_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Title (and local title) weigh more than the summary; each in its own language.
        search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector(knowledge.text_search_config(language), coalesce(title, '') || ' ' || coalesce(title_local, '')), 'A') ||
          setweight(to_tsvector(knowledge.text_search_config(coalesce(summary_language, language)), coalesce(summary, '')), 'B')
        ) STORED,
        CHECK ((publisher_type IS NULL) = (publisher_id IS NULL)),
        CHECK (published_on IS NULL OR (published_year IS NOT NULL AND published_year = extract(year FROM published_on)))
      );
      CREATE INDEX resources_listing ON knowledge.resources (sort_date DESC, id) WHERE archived_at IS NULL;
      CREATE INDEX resources_search ON knowledge.resources USING gin (search_vector);
      CREATE INDEX resources_cities ON knowledge.resources USING gin (city_ids);
      CREATE INDEX resources_countries ON knowledge.resources USING gin (country_codes);
      CREATE INDEX resources_publisher ON knowledge.resources (publisher_type, publisher_id);

      CREATE TABLE knowledge.resource_topics (
        resource_id text NOT NULL REFERENCES knowledge.resources (id),
        topic_id text NOT NULL REFERENCES knowledge.topics (id),
        PRIMARY KEY (resource_id, topic_id)
      );
      CREATE INDEX resource_topics_topic ON knowledge.resource_topics (topic_id);

      CREATE TABLE knowledge.audit_log (
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
      CREATE INDEX audit_log_entity ON knowledge.audit_log (entity_type, entity_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE knowledge.audit_log;
      DROP TABLE knowledge.resource_topics;
      DROP TABLE knowledge.resources;
      DROP TABLE knowledge.topics;
      DROP TABLE knowledge.sources;
      DROP FUNCTION knowledge.text_search_config(text);
    `);
  }
}
