import type { EntityManager } from 'typeorm';
import { auditActor, type Caller } from '../auth';
import { quoteIdentifier } from './createDataSource';

/** A record a request changed, by the GraphQL type and id clients see it as (`City`, `c-aarhus`). */
export interface EntityChange {
  readonly typename: string;
  readonly id: string;
  readonly operation: AuditEntry['operation'];
}

/** Who writes, and where the request keeps what it changed (reported to the gateway, whose caches forget it). */
export interface AuditContext {
  readonly caller: Caller;
  readonly requestId: string;
  readonly changes: EntityChange[];
}

export interface AuditEntry {
  /** The GraphQL type of the changed record: the gateway's response cache evicts answers holding it by this name. */
  readonly entityType: string;
  readonly entityId: string;
  readonly operation: 'CREATE' | 'UPDATE' | 'DELETE';
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * Appends one row per changed record to `<schema>.audit_log`, inside the caller's transaction:
 * if the write rolls back, so does its audit row. The change is noted on the request too, for the
 * gateway's caches; one whose transaction then rolls back only makes them forget an answer early.
 */
export async function appendAudit(manager: EntityManager, schema: string, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  const { caller, requestId } = ctx;
  const actor = auditActor(caller);
  await manager.query(
    `INSERT INTO ${quoteIdentifier(schema)}.audit_log (actor_sub, actor_role, actor_country, entity_type, entity_id, operation, before, after, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [actor.sub, actor.role, actor.country, entry.entityType, entry.entityId, entry.operation, json(entry.before), json(entry.after), requestId],
  );
  ctx.changes.push({ typename: entry.entityType, id: entry.entityId, operation: entry.operation });
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
