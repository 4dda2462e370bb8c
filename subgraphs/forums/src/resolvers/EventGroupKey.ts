import { countryRef } from '@nsc-hub/shared';
import type { EventGroupKeyResolvers } from '../__generated__/resolvers-types';
import type { EventKindValue } from '../entities';

const none = async () => null;

// A group's forum is this subgraph's (loaded by id, batched across groups); its country is
// membership's, returned as a reference for the gateway to complete.
export const EventGroupKey: EventGroupKeyResolvers = {
  forum: (key, _args, { loaders }) => (key.forumId ? loaders.forumById.load(key.forumId) : none()),
  year: (key) => key.year ?? null,
  country: (key) => (key.countryCode ? countryRef(key.countryCode) : null),
  kind: (key) => (key.kind ?? null) as EventKindValue | null,
};
