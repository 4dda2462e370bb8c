import { cityRef, countryRef, loadAll, loadOptional, optionalRef } from '@nsc-hub/shared';
import type { EventResolvers } from '../__generated__/resolvers-types';
import { resourceRef } from '../references';
import { sourcesOf } from './shared';

export const Event: EventResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.eventById.load(id),
  city: (event) => optionalRef(cityRef, event.cityId),
  country: (event) => optionalRef(countryRef, event.countryCode),
  forum: (event, _args, { loaders }) => loadOptional(loaders.forumById, event.forumId),
  workingGroup: (event, _args, { loaders }) => loadOptional(loaders.workingGroupById, event.workingGroupId),
  participants: (event, _args, { loaders }) => loaders.participationsByEvent.load(event.id),
  outcomes: (event) => event.outcomeIds.map(resourceRef),
  related: (event, _args, { loaders }) => loadAll(loaders.eventById, event.relatedIds),
  sources: sourcesOf,
};
