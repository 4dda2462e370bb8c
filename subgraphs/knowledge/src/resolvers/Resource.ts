import { loadAll, reads } from '@nsc-hub/shared';
import type { ResourceResolvers } from '../__generated__/resolvers-types';
import { cityRef, countryRef, publisherRef } from '../references';

export const Resource: ResourceResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.resourceById.load(id),
  topics: reads(['id'], (resource, _args, { loaders }) => loaders.topicsByResource.load(resource.id)),
  publisher: reads(['publisherType', 'publisherId'], (resource) => publisherRef(resource.publisherType, resource.publisherId)),
  cities: reads(['cityIds'], (resource) => resource.cityIds.map(cityRef)),
  countries: reads(['countryCodes'], (resource) => resource.countryCodes.map(countryRef)),
  archived: reads(['archivedAt'], (resource) => resource.archivedAt !== null),
  sources: reads(['sourceIds'], (resource, _args, { loaders }) => loadAll(loaders.sourceById, resource.sourceIds)),
};
