import { appendOnlyAuditLogMigration, createIdempotencyKeysMigration } from '@nsc-hub/shared';
import { DB_SCHEMA } from '../dbSchema';
import { CreateKnowledgeSchema1763900000000 } from './1763900000000-CreateKnowledgeSchema';
import { SearchTermsInRankOrder1767100000000 } from './1767100000000-SearchTermsInRankOrder';
import { GinIndexesWithoutPendingList1767200000000 } from './1767200000000-GinIndexesWithoutPendingList';

/**
 * In order of application. The audit log table is in the first; the platform's migrations keep the
 * timestamps they were first applied under, so databases migrated before them see nothing new.
 */
export const migrations = [
  CreateKnowledgeSchema1763900000000,
  appendOnlyAuditLogMigration(DB_SCHEMA, 1765100000001),
  createIdempotencyKeysMigration(DB_SCHEMA, 1765200000001),
  SearchTermsInRankOrder1767100000000,
  GinIndexesWithoutPendingList1767200000000,
];
