import type { DataSource } from 'typeorm';

/**
 * Everything a subgraph stores in its schema, as one comparable value: if a failed mutation wrote
 * anything at all (a row, a changed column, an audit entry), the snapshot differs.
 */
export async function schemaState(db: DataSource, schema: string): Promise<Record<string, string>> {
  const tables: { table_name: string }[] = await db.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY 1`,
    [schema],
  );
  const state: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    const [{ digest }] = await db.query(
      `SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM "${schema}"."${table}" t`,
    );
    state[table] = digest;
  }
  return state;
}
