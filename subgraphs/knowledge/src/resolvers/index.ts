import { DateScalar, auditLogResolvers } from '@nsc-hub/shared';
import type { Resolvers } from '../__generated__/resolvers-types';
import { AuditEntry, AuditLog } from './AuditLog';
import { Mutation } from './Mutation';
import { City, Country, Forum, Network, Publisher, Topic } from './owners';
import { Query } from './Query';
import { Resource } from './Resource';

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: auditLogResolvers.DateTime,
  JSON: auditLogResolvers.JSON,
  AuditLog,
  AuditEntry,
  Query,
  Mutation,
  Resource,
  Topic,
  Publisher,
  City,
  Country,
  Network,
  Forum,
};
