import { loadRequired } from '@nsc-hub/shared';
import type { ParticipationResolvers } from '../__generated__/resolvers-types';
import { cityRef, countryRef, networkRef } from '../references';
import { optional } from './shared';

export const Participation: ParticipationResolvers = {
  event: (participation, _args, { loaders }) => loadRequired(loaders.eventById, participation.eventId, 'Event'),
  city: (participation) => cityRef(participation.cityId),
  country: (participation) => countryRef(participation.countryCode),
  forum: (participation, _args, { loaders }) => optional((id) => loaders.forumById.load(id), participation.forumId),
  network: (participation) => networkRef(participation.networkId),
};
