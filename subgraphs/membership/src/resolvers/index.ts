import { DateScalar, auditLogResolvers } from '@nsc-hub/shared';
import type { Resolvers } from '../__generated__/resolvers-types';
import { AuditEntry, AuditLog } from './AuditLog';
import { City } from './City';
import { CooperationModel } from './CooperationModel';
import { Country } from './Country';
import { Membership } from './Membership';
import { Mutation } from './Mutation';
import { Network } from './Network';
import { Query } from './Query';

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: auditLogResolvers.DateTime,
  JSON: auditLogResolvers.JSON,
  AuditLog,
  AuditEntry,
  Query,
  Mutation,
  Country,
  City,
  Network,
  Membership,
  CooperationModel,
};
