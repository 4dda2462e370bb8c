import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The GIN indexes of resources (text search, cities, countries) take new entries straight into the
 * index instead of a pending list. With the list (PostgreSQL's default `fastupdate`), every search
 * and every city's or country's resource list also scans whatever was written since the last
 * vacuum, entry by entry: after a bulk load, a 100-city page's resource list took 42 ms in the
 * index instead of 1. Resources are written by people, a few at a time, and read all the time: the
 * cost belongs on the write.
 */
export class GinIndexesWithoutPendingList1767200000000 implements MigrationInterface {
  name = 'GinIndexesWithoutPendingList1767200000000';

  async up(q: QueryRunner): Promise<void> {
    for (const index of ['resources_search', 'resources_cities', 'resources_countries']) {
      await q.query(`ALTER INDEX knowledge.${index} SET (fastupdate = off)`);
      // What is already pending moves into the index now, not at the next vacuum.
      await q.query(`SELECT gin_clean_pending_list('knowledge.${index}'::regclass)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of ['resources_search', 'resources_cities', 'resources_countries']) {
      await q.query(`ALTER INDEX knowledge.${index} RESET (fastupdate)`);
    }
  }
}
