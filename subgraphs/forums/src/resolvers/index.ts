import { DateScalar } from '@nsc-hub/shared';
import type { Resolvers } from '../__generated__/resolvers-types';
import { Event } from './Event';
import { EventGroupKey } from './EventGroupKey';
import { Forum } from './Forum';
import { Mutation } from './Mutation';
import { City, Country } from './owners';
import { Participation } from './Participation';
import { ParticipationGroupKey } from './ParticipationGroupKey';
import { Query } from './Query';
import { WorkingGroup } from './WorkingGroup';

export const resolvers: Resolvers = {
  Date: DateScalar,
  Query,
  Mutation,
  Forum,
  WorkingGroup,
  Event,
  EventGroupKey,
  Participation,
  ParticipationGroupKey,
  City,
  Country,
};
