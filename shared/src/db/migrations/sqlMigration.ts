import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A migration class made from SQL text, for the platform migrations every subgraph includes. TypeORM
 * knows a migration by its name (class name + 13-digit timestamp) in the subgraph's `migrations`
 * table, so a subgraph passes the timestamp its migration was first applied under and keeps it.
 */
export function sqlMigration(className: string, timestamp: number, up: string, down: string): new () => MigrationInterface {
  if (!/^\d{13}$/.test(String(timestamp))) throw new Error(`${className}: the timestamp must have 13 digits, got ${timestamp}`);
  const name = `${className}${timestamp}`;
  return class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      await q.query(up);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(down);
    }
  };
}
