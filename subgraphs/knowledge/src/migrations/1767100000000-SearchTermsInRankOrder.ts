import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search that stays flat in the data size. Ranking every match of a common word reads every
 * matching row (a tenth of a language's resources for the commonest words), so a search took ten
 * times as long on ten times the data. `search_terms` holds, for every lexeme of every resource that
 * is not archived, the rank `ts_rank` gives that resource for that lexeme alone, and its sort date;
 * its index keeps each lexeme's resources in the order search answers them (rank, then newest, then
 * id), so a one-word search reads only the page it answers. The rank is the one the search itself
 * computes, so results are the same as ranking every match.
 *
 * Triggers keep it in step within the writing statement: every insert, a change of what is
 * searched (title, summary, languages, dates, archiving), and a delete. Statement-level, with
 * transition tables, so a bulk insert is one insert here too.
 */
export class SearchTermsInRankOrder1767100000000 implements MigrationInterface {
  name = 'SearchTermsInRankOrder1767100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE knowledge.search_terms (
        lexeme text NOT NULL,
        resource_id text NOT NULL,
        rank real NOT NULL,
        sort_date date NOT NULL
      );

      -- The rank of one resource for one lexeme: ts_rank with the lexeme as the whole query, as a
      -- one-word search asks it (array_to_tsvector quotes the lexeme as tsquery input wants it).
      CREATE FUNCTION knowledge.search_terms_of(resource knowledge.resources) RETURNS TABLE (lexeme text, resource_id text, rank real, sort_date date)
        LANGUAGE sql STABLE AS $$
        SELECT t.lexeme, resource.id, ts_rank(resource.search_vector, array_to_tsvector(ARRAY[t.lexeme])::text::tsquery), resource.sort_date
          FROM unnest(resource.search_vector) t
         WHERE resource.archived_at IS NULL
      $$;

      CREATE FUNCTION knowledge.refresh_search_terms() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO knowledge.search_terms SELECT s.* FROM new_rows n CROSS JOIN LATERAL knowledge.search_terms_of(n) s;
        ELSIF TG_OP = 'DELETE' THEN
          DELETE FROM knowledge.search_terms t USING old_rows o WHERE t.resource_id = o.id;
        ELSE
          -- Only rows whose searched content, date or archiving changed: a version bump or a new
          -- city on a resource leaves its terms alone.
          DELETE FROM knowledge.search_terms t USING new_rows n JOIN old_rows o ON o.id = n.id
           WHERE t.resource_id = n.id
             AND (n.search_vector, n.sort_date, n.archived_at IS NULL) IS DISTINCT FROM (o.search_vector, o.sort_date, o.archived_at IS NULL);
          INSERT INTO knowledge.search_terms
            SELECT s.* FROM new_rows n JOIN old_rows o ON o.id = n.id CROSS JOIN LATERAL knowledge.search_terms_of(n) s
             WHERE (n.search_vector, n.sort_date, n.archived_at IS NULL) IS DISTINCT FROM (o.search_vector, o.sort_date, o.archived_at IS NULL);
        END IF;
        RETURN NULL;
      END
      $$;

      CREATE TRIGGER search_terms_on_insert AFTER INSERT ON knowledge.resources
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION knowledge.refresh_search_terms();
      CREATE TRIGGER search_terms_on_update AFTER UPDATE ON knowledge.resources
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION knowledge.refresh_search_terms();
      CREATE TRIGGER search_terms_on_delete AFTER DELETE ON knowledge.resources
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION knowledge.refresh_search_terms();

      INSERT INTO knowledge.search_terms SELECT s.* FROM knowledge.resources r CROSS JOIN LATERAL knowledge.search_terms_of(r) s;
      CREATE INDEX search_terms_in_rank_order ON knowledge.search_terms (lexeme, rank DESC, sort_date DESC, resource_id);
      CREATE INDEX search_terms_resource ON knowledge.search_terms (resource_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER search_terms_on_delete ON knowledge.resources;
      DROP TRIGGER search_terms_on_update ON knowledge.resources;
      DROP TRIGGER search_terms_on_insert ON knowledge.resources;
      DROP FUNCTION knowledge.refresh_search_terms();
      DROP FUNCTION knowledge.search_terms_of(knowledge.resources);
      DROP TABLE knowledge.search_terms;
    `);
  }
}
