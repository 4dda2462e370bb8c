import { cityRef, countryRef, loadRequired, networkRef, optionalRef } from '@nsc-hub/shared';
import type { ParticipationResolvers } from '../__generated__/resolvers-types';
import { optional } from './shared';

export const Participation: ParticipationResolvers = {
  event: (participation, _args, { loaders }) => loadRequired(loaders.eventById, participation.eventId, 'Event'),
  city: (participation) => optionalRef(cityRef, participation.cityId),
  country: (participation) => optionalRef(countryRef, participation.countryCode),
  forum: (participation, _args, { loaders }) => optional((id) => loaders.forumById.load(id), participation.forumId),
  network: (participation) => optionalRef(networkRef, participation.networkId),
};
