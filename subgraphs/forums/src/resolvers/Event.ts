import { cityRef, countryRef, loadAll, optionalRef } from '@nsc-hub/shared';
import type { EventResolvers } from '../__generated__/resolvers-types';
import { resourceRef } from '../references';
import { optional, sourcesOf } from './shared';

export const Event: EventResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.eventById.load(id),
  city: (event) => optionalRef(cityRef, event.cityId),
  country: (event) => optionalRef(countryRef, event.countryCode),
  forum: (event, _args, { loaders }) => optional((id) => loaders.forumById.load(id), event.forumId),
  workingGroup: (event, _args, { loaders }) => optional((id) => loaders.workingGroupById.load(id), event.workingGroupId),
  participants: (event, _args, { loaders }) => loaders.participationsByEvent.load(event.id),
  outcomes: (event) => event.outcomeIds.map(resourceRef),
  related: (event, _args, { loaders }) => loadAll(loaders.eventById, event.relatedIds),
  sources: sourcesOf,
};
