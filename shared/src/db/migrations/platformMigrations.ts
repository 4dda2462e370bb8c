import { appendOnlyAuditLogMigration } from './appendOnlyAuditLogMigration';
import { createAuditLogMigration } from './createAuditLogMigration';
import { createIdempotencyKeysMigration } from './createIdempotencyKeysMigration';

/**
 * What a new subgraph's database needs from the platform: the audit log (append-only) and the
 * idempotency keys, as three migrations at `timestamp`, +1 and +2. Listed before the subgraph's own.
 */
export function platformMigrations(schema: string, timestamp: number) {
  return [
    createAuditLogMigration(schema, timestamp),
    appendOnlyAuditLogMigration(schema, timestamp + 1),
    createIdempotencyKeysMigration(schema, timestamp + 2),
  ];
}
