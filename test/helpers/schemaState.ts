import type { DataSource } from 'typeorm';
import { schemaState } from '@nsc-hub/shared/src/testing';

export { schemaState };

export const membershipState = (db: DataSource) => schemaState(db, 'membership');

/** The state of every subgraph of a running hub, each in its own Postgres schema. */
export async function hubState(hub: { readonly subgraphs: Readonly<Record<string, { readonly dataSource: DataSource; readonly dbSchema: string }>> }): Promise<Record<string, Record<string, string>>> {
  const state: Record<string, Record<string, string>> = {};
  for (const [name, subgraph] of Object.entries(hub.subgraphs)) state[name] = await schemaState(subgraph.dataSource, subgraph.dbSchema);
  return state;
}

export interface AuditRow {
  id: number;
  actor_role: string;
  actor_country: string | null;
  entity_type: string;
  entity_id: string;
  operation: string;
  before: unknown;
  after: unknown;
}

/** The audit rows written after `afterId`, oldest first. */
export async function auditSince(db: DataSource, afterId: number, schema = 'membership'): Promise<AuditRow[]> {
  return db.query(
    `SELECT id::int, actor_role, actor_country, entity_type, entity_id, operation, before, after FROM "${schema}".audit_log WHERE id > $1 ORDER BY id`,
    [afterId],
  );
}

export async function lastAuditId(db: DataSource, schema = 'membership'): Promise<number> {
  const [{ id }] = await db.query(`SELECT coalesce(max(id), 0)::int AS id FROM "${schema}".audit_log`);
  return id;
}
