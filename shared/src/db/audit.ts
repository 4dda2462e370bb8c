import type { EntityManager } from 'typeorm';
import { auditActor, type Caller } from '../auth';
import { quoteIdentifier } from './createDataSource';

export interface AuditEntry {
  readonly entityType: string;
  readonly entityId: string;
  readonly operation: 'CREATE' | 'UPDATE' | 'DELETE';
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * Appends one row per changed record to `<schema>.audit_log`, inside the caller's transaction:
 * if the write rolls back, so does its audit row.
 */
export async function appendAudit(manager: EntityManager, schema: string, caller: Caller, requestId: string, entry: AuditEntry): Promise<void> {
  const actor = auditActor(caller);
  await manager.query(
    `INSERT INTO ${quoteIdentifier(schema)}.audit_log (actor_sub, actor_role, actor_country, entity_type, entity_id, operation, before, after, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [actor.sub, actor.role, actor.country, entry.entityType, entry.entityId, entry.operation, json(entry.before), json(entry.after), requestId],
  );
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
