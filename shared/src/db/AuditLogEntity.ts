import { EntitySchema } from 'typeorm';

/** One row of a subgraph's `audit_log` (written by `appendAudit`, read by `findAuditEntries`). */
export interface AuditLogRow {
  id: string;
  at: Date;
  actorSub: string | null;
  actorRole: string;
  actorCountry: string | null;
  entityType: string;
  entityId: string;
  operation: 'CREATE' | 'UPDATE' | 'DELETE';
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/**
 * The audit log table as TypeORM sees it, in every subgraph's data source (the schema is the data
 * source's). Append-only: one row per record a mutation changed, written in the mutation's transaction.
 */
export const AuditLogEntity = new EntitySchema<AuditLogRow>({
  name: 'AuditLog',
  tableName: 'audit_log',
  columns: {
    id: { type: 'bigint', primary: true, generated: 'increment' },
    at: { type: 'timestamptz', default: () => 'now()' },
    actorSub: { name: 'actor_sub', type: 'text', nullable: true },
    actorRole: { name: 'actor_role', type: 'text' },
    actorCountry: { name: 'actor_country', type: 'text', nullable: true },
    entityType: { name: 'entity_type', type: 'text' },
    entityId: { name: 'entity_id', type: 'text' },
    operation: { type: 'text' },
    before: { type: 'jsonb', nullable: true },
    after: { type: 'jsonb', nullable: true },
    requestId: { name: 'request_id', type: 'text', nullable: true },
  },
});
