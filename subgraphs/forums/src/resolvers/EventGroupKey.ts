import { countryRef, loadOptional, optionalRef } from '@nsc-hub/shared';
import type { EventGroupKeyResolvers } from '../__generated__/resolvers-types';

// A group's forum is this subgraph's (loaded by id, batched across groups); its country is
// membership's, returned as a reference for the gateway to complete.
export const EventGroupKey: EventGroupKeyResolvers = {
  forum: (key, _args, { loaders }) => loadOptional(loaders.forumById, key.forumId),
  country: (key) => optionalRef(countryRef, key.countryCode ?? null),
};
