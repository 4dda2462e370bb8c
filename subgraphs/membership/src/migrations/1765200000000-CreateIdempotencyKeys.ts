import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Results of mutations sent with an Idempotency-Key, by caller, key and request hash. */
export class CreateIdempotencyKeys1765200000000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE membership.idempotency_keys (
        caller text NOT NULL,
        key text NOT NULL,
        fetch_hash text NOT NULL,
        fingerprint text NOT NULL,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (caller, key, fetch_hash)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE membership.idempotency_keys');
  }
}
