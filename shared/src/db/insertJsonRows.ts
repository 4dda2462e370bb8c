import type { EntityManager } from 'typeorm';
import { quoteIdentifier } from './createDataSource';

/**
 * One INSERT per table from a JSON array of rows (`jsonb_to_recordset`): the statement count stays
 * the same however much data is seeded. `onConflict` decides what happens to rows already there
 * (seeds leave them alone). Returns how many rows were inserted.
 */
export async function insertJsonRows(
  manager: EntityManager,
  schema: string,
  table: string,
  columns: Readonly<Record<string, string>>,
  rows: readonly object[],
  onConflict: string,
): Promise<number> {
  if (rows.length === 0) return 0;
  const names = Object.keys(columns);
  const recordType = names.map((n) => `${quoteIdentifier(n)} ${columns[n]}`).join(', ');
  const list = names.map(quoteIdentifier).join(', ');
  const result: { count: string }[] = await manager.query(
    `WITH inserted AS (
       INSERT INTO ${quoteIdentifier(schema)}.${quoteIdentifier(table)} (${list})
       SELECT ${list} FROM jsonb_to_recordset($1::jsonb) AS r(${recordType})
       ${onConflict}
       RETURNING 1
     ) SELECT count(*) AS count FROM inserted`,
    [JSON.stringify(rows)],
  );
  return Number(result[0].count);
}
