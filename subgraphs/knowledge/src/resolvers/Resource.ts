import { loadAll } from '@nsc-hub/shared';
import type { ResourceResolvers } from '../__generated__/resolvers-types';
import { cityRef, countryRef, publisherRef } from '../references';

export const Resource: ResourceResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.resourceById.load(id),
  topics: (resource, _args, { loaders }) => loaders.topicsByResource.load(resource.id),
  publisher: (resource) => publisherRef(resource.publisherType, resource.publisherId),
  cities: (resource) => resource.cityIds.map(cityRef),
  countries: (resource) => resource.countryCodes.map(countryRef),
  archived: (resource) => resource.archivedAt !== null,
  sources: (resource, _args, { loaders }) => loadAll(loaders.sourceById, resource.sourceIds),
};
