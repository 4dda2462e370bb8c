// A database migrated before the platform's migrations moved to `shared` migrates cleanly now: the
// fixture records, per subgraph, every migration as earlier releases applied it (name and SQL).
// The migrations the subgraphs declare today start with exactly those, and a database made by
// replaying the recorded ones through TypeORM has nothing pending and keeps its append-only audit log.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@nsc-hub/shared/src/testing';
import { SUBGRAPHS } from '../scripts/subgraphs';

interface RecordedMigration {
  readonly name: string;
  readonly up: readonly string[];
}

const ALL_RECORDED: Record<string, RecordedMigration[]> = JSON.parse(
  readFileSync(path.join(__dirname, 'fixtures', 'migrations-applied-by-earlier-releases.json'), 'utf8'),
);
/** Those still in the workspace (a subgraph can be removed; its record then no longer applies). */
const RECORDED = Object.fromEntries(Object.entries(ALL_RECORDED).filter(([name]) => SUBGRAPHS.some((s) => s.name === name)));

/** What a migration class sends to the database on `up`. */
async function sqlOf(Migration: new () => MigrationInterface): Promise<RecordedMigration> {
  const migration = new Migration();
  const up: string[] = [];
  await migration.up({ query: async (sql: string) => void up.push(sql) } as unknown as QueryRunner);
  return { name: migration.name ?? Migration.name, up };
}

function declaredMigrations(name: string): (new () => MigrationInterface)[] {
  const module = SUBGRAPHS.find((s) => s.name === name)!;
  return module.createDatabase('postgres://unused@127.0.0.1:1/unused').dataSource.options.migrations as (new () => MigrationInterface)[];
}

/** The recorded migration again, as a class TypeORM can run: what the earlier release's code did. */
function replayed({ name, up }: RecordedMigration): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = name;
    async up(q: QueryRunner): Promise<void> {
      for (const sql of up) await q.query(sql);
    }
    async down(): Promise<void> {}
  };
}

test.each(Object.keys(RECORDED))('the %s subgraph declares the migrations earlier releases applied, in order, with the same SQL', async (name) => {
  const declared = await Promise.all(declaredMigrations(name).map(sqlOf));
  expect(declared.slice(0, RECORDED[name].length)).toEqual(RECORDED[name]);
});

describe('a database migrated by an earlier release', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('migrated_earlier');
  });
  afterAll(() => database?.drop());

  test.each(Object.keys(RECORDED))('%s: nothing is pending and the audit log stays append-only', async (name) => {
    const module = SUBGRAPHS.find((s) => s.name === name)!;
    const earlier = new DataSource({
      type: 'postgres',
      url: database.url,
      schema: module.dbSchema,
      migrations: RECORDED[name].map(replayed),
      migrationsTableName: 'migrations',
    });
    await earlier.initialize();
    await earlier.query(`CREATE SCHEMA IF NOT EXISTS ${module.dbSchema}`);
    expect((await earlier.runMigrations({ transaction: 'all' })).map((m) => m.name)).toEqual(RECORDED[name].map((m) => m.name));
    await earlier.destroy();

    const { dataSource } = module.createDatabase(database.url, { poolSize: 1 });
    await dataSource.initialize();
    try {
      const pending = declaredMigrations(name).length - RECORDED[name].length;
      expect(await module.migrate(dataSource)).toHaveLength(pending);
      await dataSource.query(`INSERT INTO ${module.dbSchema}.audit_log (actor_role, entity_type, entity_id, operation) VALUES ('admin', 'Test', '1', 'CREATE')`);
      await expect(dataSource.query(`DELETE FROM ${module.dbSchema}.audit_log`)).rejects.toThrow(/append-only/);
    } finally {
      await dataSource.destroy();
    }
  });
});
