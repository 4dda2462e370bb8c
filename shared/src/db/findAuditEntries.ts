import type { DataSource } from 'typeorm';
import { ERRORS } from '../errors';
import { decodeCursor, toConnection, type Connection } from '../pagination';
import { countryCode, optionalText } from '../validation';
import { SqlParams } from './SqlParams';
import { quoteIdentifier } from './createDataSource';

/** One row of a subgraph's `audit_log`, as the graph's `AuditEntry` shows it. */
export interface AuditRow {
  readonly id: string;
  readonly at: Date;
  readonly actorSub: string | null;
  readonly actorRole: string;
  readonly actorCountry: string | null;
  readonly entityType: string;
  readonly entityId: string;
  readonly operation: 'CREATE' | 'UPDATE' | 'DELETE';
  readonly before: unknown;
  readonly after: unknown;
  readonly requestId: string | null;
}

export interface AuditLogFilter {
  readonly entityType?: string | null;
  readonly entityId?: string | null;
  readonly operation?: AuditRow['operation'] | null;
  readonly actor?: string | null;
  readonly country?: string | null;
  readonly from?: Date | null;
  readonly to?: Date | null;
}

const OPERATIONS: ReadonlySet<string> = new Set(['CREATE', 'UPDATE', 'DELETE']);

function whereClauses(filter: AuditLogFilter | null | undefined, params: SqlParams): string[] {
  if (!filter) return [];
  const where: string[] = [];
  const text = (column: string, value: string | null | undefined, field: string) => {
    const checked = optionalText(value, field);
    if (checked) where.push(`${column} = ${params.add(checked)}`);
  };
  text('entity_type', filter.entityType, 'filter.entityType');
  text('entity_id', filter.entityId, 'filter.entityId');
  text('actor_sub', filter.actor, 'filter.actor');
  if (filter.country) where.push(`actor_country = ${params.add(countryCode(filter.country, 'filter.country'))}`);
  if (filter.operation) {
    if (!OPERATIONS.has(filter.operation)) throw ERRORS.BAD_USER_INPUT.err('filter.operation: must be CREATE, UPDATE or DELETE', { field: 'filter.operation' });
    where.push(`operation = ${params.add(filter.operation)}`);
  }
  if (filter.from) where.push(`at >= ${params.add(filter.from.toISOString())}::timestamptz`);
  if (filter.to) where.push(`at < ${params.add(filter.to.toISOString())}::timestamptz`);
  return where;
}

/** A cursor is the id of the last entry seen: a positive whole number, as the database counts. */
function decodeAuditCursor(after: string | null | undefined): string | null {
  const key = decodeCursor(after, ['string']);
  if (key && !/^[1-9]\d{0,18}$/.test(String(key[0]))) throw ERRORS.BAD_USER_INPUT.err('"after" is not a cursor this list handed out', { field: 'after' });
  return key ? String(key[0]) : null;
}

/**
 * A page of a subgraph's audit log, newest first (by id, which the database hands out in commit
 * order within one writer); the total is counted only when asked for.
 */
export async function findAuditEntries(
  db: DataSource,
  schema: string,
  filter: AuditLogFilter | null | undefined,
  first: number,
  after: string | null | undefined,
): Promise<Connection<AuditRow>> {
  const cursor = decodeAuditCursor(after);
  const table = `${quoteIdentifier(schema)}.audit_log`;
  const params = new SqlParams();
  const filtered = whereClauses(filter, params);
  const sql = (clauses: string[]) => (clauses.length ? `WHERE ${clauses.join(' AND ')}` : '');
  const page = cursor ? [...filtered, `id < ${params.add(cursor)}::bigint`] : filtered;
  const rows = await params.raw<AuditRow>(
    db,
    `SELECT id::text AS id, at, actor_sub AS "actorSub", actor_role AS "actorRole", actor_country AS "actorCountry",
            entity_type AS "entityType", entity_id AS "entityId", operation, before, after, request_id AS "requestId"
       FROM ${table} ${sql(page)} ORDER BY id DESC LIMIT ${params.add(first + 1)}`,
  );
  const totalCount = async () => {
    const [{ count }] = await params.raw<{ count: number }>(db, `SELECT count(*)::int AS count FROM ${table} ${sql(filtered)}`);
    return count;
  };
  return toConnection(rows, first, totalCount, (row) => [row.id]);
}
