import { DateScalar } from '@nsc-hub/shared';
import type { Resolvers } from '../__generated__/resolvers-types';
import { Mutation } from './Mutation';
import { City, Country, Forum, Network, Publisher, Topic } from './owners';
import { Query } from './Query';
import { Resource } from './Resource';
import { ResourceGroupKey } from './ResourceGroupKey';

export const resolvers: Resolvers = {
  Date: DateScalar,
  Query,
  Mutation,
  Resource,
  ResourceGroupKey,
  Topic,
  Publisher,
  City,
  Country,
  Network,
  Forum,
};
