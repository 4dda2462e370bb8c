import { sqlMigration } from './sqlMigration';

/** Results of mutations sent with an Idempotency-Key, by caller, key and request hash. */
export function createIdempotencyKeysMigration(schema: string, timestamp: number) {
  return sqlMigration(
    'CreateIdempotencyKeys',
    timestamp,
    `
      CREATE TABLE ${schema}.idempotency_keys (
        caller text NOT NULL,
        key text NOT NULL,
        fetch_hash text NOT NULL,
        fingerprint text NOT NULL,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (caller, key, fetch_hash)
      );
    `,
    `DROP TABLE ${schema}.idempotency_keys`,
  );
}
