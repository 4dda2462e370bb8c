import { assertSignedIn } from '@nsc-hub/shared';
import type { CityResolvers } from '../__generated__/resolvers-types';
import { loadAll, loadRequired, sourcesOf } from './shared';

export const City: CityResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.cityById.load(id),
  country: (city, _args, { loaders }) => loadRequired(loaders.countryByCode, city.countryCode, 'Country'),
  memberships: (city, _args, { loaders }) => loaders.membershipsByCity.load(city.id),
  cooperationModels: async (city, _args, { loaders }) => {
    const links = await loaders.cityModelLinksByCity.load(city.id);
    return loadAll(loaders.cooperationModelById, links.map((l) => l.modelId));
  },
  // Personal data: checked here, in the subgraph, so `_entities` cannot get round it either.
  contacts: (city, _args, { caller, loaders }) => {
    assertSignedIn(caller, 'contact persons');
    return loaders.contactsByCity.load(city.id);
  },
  sources: sourcesOf,
};
