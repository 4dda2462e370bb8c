import { cityRef, countryRef, loadAll, loadOptional, optionalRef, reads } from '@nsc-hub/shared';
import type { EventResolvers } from '../__generated__/resolvers-types';
import { resourceRef } from '../references';
import { sourcesOf } from './shared';

export const Event: EventResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.eventById.load(id),
  city: reads(['cityId'], (event) => optionalRef(cityRef, event.cityId)),
  country: reads(['countryCode'], (event) => optionalRef(countryRef, event.countryCode)),
  forum: reads(['forumId'], (event, _args, { loaders }) => loadOptional(loaders.forumById, event.forumId)),
  workingGroup: reads(['workingGroupId'], (event, _args, { loaders }) => loadOptional(loaders.workingGroupById, event.workingGroupId)),
  participants: reads(['id'], (event, _args, { loaders }) => loaders.participationsByEvent.load(event.id)),
  outcomes: reads(['outcomeIds'], (event) => event.outcomeIds.map(resourceRef)),
  related: reads(['relatedIds'], (event, _args, { loaders }) => loadAll(loaders.eventById, event.relatedIds)),
  sources: reads(['sourceIds'], sourcesOf),
};
