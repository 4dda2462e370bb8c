import { countryRef, loadOptional, optionalRef } from '@nsc-hub/shared';
import type { ResourceGroupKeyResolvers } from '../__generated__/resolvers-types';

// A group's topic is this subgraph's (loaded by id, batched across groups); its country is
// membership's, returned as a reference for the gateway to complete.
export const ResourceGroupKey: ResourceGroupKeyResolvers = {
  topic: (key, _args, { loaders }) => loadOptional(loaders.topicById, key.topicId),
  country: (key) => optionalRef(countryRef, key.countryCode ?? null),
};
