import { cityRef, countryRef, loadOptional, loadRequired, networkRef, optionalRef, reads } from '@nsc-hub/shared';
import type { ParticipationResolvers } from '../__generated__/resolvers-types';

export const Participation: ParticipationResolvers = {
  event: reads(['eventId'], (participation, _args, { loaders }) => loadRequired(loaders.eventById, participation.eventId, 'Event')),
  city: reads(['cityId'], (participation) => optionalRef(cityRef, participation.cityId)),
  country: reads(['countryCode'], (participation) => optionalRef(countryRef, participation.countryCode)),
  forum: reads(['forumId'], (participation, _args, { loaders }) => loadOptional(loaders.forumById, participation.forumId)),
  network: reads(['networkId'], (participation) => optionalRef(networkRef, participation.networkId)),
};
