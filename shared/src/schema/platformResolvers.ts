import type { DataSource } from 'typeorm';
import { auditLogPage, auditLogResolvers, type AuditLogArgs } from '../auditLogResolvers';
import type { Caller } from '../auth';
import { auditLogFieldName } from './platformTypeDefs';

interface AuditLogContext {
  readonly caller: Caller;
  readonly db: DataSource;
}

/** The resolvers of `platformTypeDefs(subgraphName)`: the subgraph's part of the audit log, from its own schema. */
export function platformResolvers(subgraphName: string, dbSchema: string) {
  return {
    DateTime: auditLogResolvers.DateTime,
    JSON: auditLogResolvers.JSON,
    Query: { auditLog: auditLogResolvers.auditLog },
    AuditLog: {
      [auditLogFieldName(subgraphName)]: (_root: unknown, args: AuditLogArgs, ctx: AuditLogContext) => auditLogPage(ctx, dbSchema, args),
    },
    AuditEntry: { actor: auditLogResolvers.actor },
  };
}
