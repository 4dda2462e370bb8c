import { auditLogPage, auditLogResolvers } from '@nsc-hub/shared';
import type { AuditEntryResolvers, AuditLogResolvers } from '../__generated__/resolvers-types';
import { DB_SCHEMA } from '../dbSchema';

/** This subgraph's part of the audit log. */
export const AuditLog: AuditLogResolvers = {
  forums: (_root, args, ctx) => auditLogPage(ctx, DB_SCHEMA, args),
};

export const AuditEntry: AuditEntryResolvers = {
  actor: auditLogResolvers.actor,
};
