import type { DataSource } from 'typeorm';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { assertAdmin, type Caller } from './auth';
import { findAuditEntries, type AuditLogFilter, type AuditRow } from './db/findAuditEntries';
import { parseFirst, type Connection } from './pagination';

/** What `Query.auditLog` returns: the namespace each subgraph adds its own field to. */
export type AuditLogRoot = Record<string, never>;

export interface AuditLogArgs {
  readonly filter?: AuditLogFilter | null;
  readonly first?: number | null;
  readonly after?: string | null;
}

/** A subgraph's part of the audit log (`AuditLog.<subgraph>`): admins only, before any SQL. */
export function auditLogPage(ctx: { readonly caller: Caller; readonly db: DataSource }, schema: string, args: AuditLogArgs): Promise<Connection<AuditRow>> {
  assertAdmin(ctx.caller, 'the audit log');
  return findAuditEntries(ctx.db, schema, args.filter, parseFirst(args.first), args.after);
}

/** The resolvers every subgraph shares for the audit log's types. */
export const auditLogResolvers = {
  DateTime: DateTimeResolver,
  JSON: JSONResolver,
  auditLog: (): AuditLogRoot => ({}),
  actor: (row: AuditRow) => ({ sub: row.actorSub, role: row.actorRole, country: row.actorCountry }),
};
