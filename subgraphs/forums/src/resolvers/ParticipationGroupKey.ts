import { cityRef, countryRef, loadOptional, optionalRef } from '@nsc-hub/shared';
import type { ParticipationGroupKeyResolvers } from '../__generated__/resolvers-types';

// A group's forum is this subgraph's (loaded by id, batched across groups); its city and country
// are membership's, returned as references for the gateway to complete.
export const ParticipationGroupKey: ParticipationGroupKeyResolvers = {
  forum: (key, _args, { loaders }) => loadOptional(loaders.forumById, key.forumId),
  country: (key) => optionalRef(countryRef, key.countryCode ?? null),
  city: (key) => optionalRef(cityRef, key.cityId ?? null),
};
