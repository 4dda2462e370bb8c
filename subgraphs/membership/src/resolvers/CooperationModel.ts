import type { CooperationModelResolvers } from '../__generated__/resolvers-types';
import { loadAll, loadRequired, sourcesOf } from './shared';

export const CooperationModel: CooperationModelResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.cooperationModelById.load(id),
  country: (model, _args, { loaders }) => loadRequired(loaders.countryByCode, model.countryCode, 'Country'),
  related: (model, _args, { loaders }) => loadAll(loaders.cooperationModelById, model.relatedIds),
  cities: async (model, _args, { loaders }) => {
    const links = await loaders.cityModelLinksByModel.load(model.id);
    return loadAll(loaders.cityById, links.map((l) => l.cityId));
  },
  sources: sourcesOf,
};
