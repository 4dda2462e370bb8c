import type { DataSource } from 'typeorm';

const TABLES = ['countries', 'cities', 'networks', 'memberships', 'cooperation_models', 'city_cooperation_models', 'contact_persons', 'audit_log'];

/**
 * Everything the membership subgraph stores, as one comparable value: if a failed mutation wrote
 * anything at all (a row, a changed column, an audit entry), the snapshot differs.
 */
export async function membershipState(db: DataSource): Promise<Record<string, string>> {
  const state: Record<string, string> = {};
  for (const table of TABLES) {
    const [{ digest }] = await db.query(
      `SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM membership.${table} t`,
    );
    state[table] = digest;
  }
  return state;
}

/** The audit rows written after `afterId`, oldest first. */
export async function auditSince(db: DataSource, afterId: number): Promise<{ id: number; actor_role: string; actor_country: string | null; entity_type: string; entity_id: string; operation: string }[]> {
  return db.query('SELECT id::int, actor_role, actor_country, entity_type, entity_id, operation, before, after FROM membership.audit_log WHERE id > $1 ORDER BY id', [afterId]);
}

export async function lastAuditId(db: DataSource): Promise<number> {
  const [{ id }] = await db.query('SELECT coalesce(max(id), 0)::int AS id FROM membership.audit_log');
  return id;
}
