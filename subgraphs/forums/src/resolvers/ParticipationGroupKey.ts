import { cityRef, countryRef } from '@nsc-hub/shared';
import type { ParticipationGroupKeyResolvers } from '../__generated__/resolvers-types';
import type { EventKindValue, ParticipationRoleValue } from '../entities';

const none = async () => null;

// A group's forum is this subgraph's (loaded by id, batched across groups); its city and country
// are membership's, returned as references for the gateway to complete.
export const ParticipationGroupKey: ParticipationGroupKeyResolvers = {
  forum: (key, _args, { loaders }) => (key.forumId ? loaders.forumById.load(key.forumId) : none()),
  year: (key) => key.year ?? null,
  country: (key) => (key.countryCode ? countryRef(key.countryCode) : null),
  city: (key) => (key.cityId ? cityRef(key.cityId) : null),
  role: (key) => (key.role ?? null) as ParticipationRoleValue | null,
  eventKind: (key) => (key.eventKind ?? null) as EventKindValue | null,
};
