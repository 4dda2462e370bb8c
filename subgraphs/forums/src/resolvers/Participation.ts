import { cityRef, countryRef, loadOptional, loadRequired, networkRef, optionalRef } from '@nsc-hub/shared';
import type { ParticipationResolvers } from '../__generated__/resolvers-types';

export const Participation: ParticipationResolvers = {
  event: (participation, _args, { loaders }) => loadRequired(loaders.eventById, participation.eventId, 'Event'),
  city: (participation) => optionalRef(cityRef, participation.cityId),
  country: (participation) => optionalRef(countryRef, participation.countryCode),
  forum: (participation, _args, { loaders }) => loadOptional(loaders.forumById, participation.forumId),
  network: (participation) => optionalRef(networkRef, participation.networkId),
};
