import { appendOnlyAuditLogMigration, createIdempotencyKeysMigration } from '@nsc-hub/shared';
import { DB_SCHEMA } from '../dbSchema';
import { CreateMembershipSchema1763800000000 } from './1763800000000-CreateMembershipSchema';

/**
 * In order of application. The audit log table is in the first; the platform's migrations keep the
 * timestamps they were first applied under, so databases migrated before them see nothing new.
 */
export const migrations = [
  CreateMembershipSchema1763800000000,
  appendOnlyAuditLogMigration(DB_SCHEMA, 1765100000000),
  createIdempotencyKeysMigration(DB_SCHEMA, 1765200000000),
];
