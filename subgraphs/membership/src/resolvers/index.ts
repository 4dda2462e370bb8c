import { DateScalar } from '@nsc-hub/shared';
import type { Resolvers } from '../__generated__/resolvers-types';
import { City } from './City';
import { CooperationModel } from './CooperationModel';
import { Country } from './Country';
import { Membership } from './Membership';
import { MembershipGroupKey } from './MembershipGroupKey';
import { Mutation } from './Mutation';
import { Network } from './Network';
import { Query } from './Query';

export const resolvers: Resolvers = {
  Date: DateScalar,
  Query,
  Mutation,
  Country,
  City,
  Network,
  Membership,
  MembershipGroupKey,
  CooperationModel,
};
