import { countryRef, loadAll, loadOptional } from '@nsc-hub/shared';
import type { NationalBodyResolvers } from '../__generated__/resolvers-types';

export const NationalBody: NationalBodyResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.nationalBodyById.load(id),
  parent: (b, _args, { loaders }) => loadOptional(loaders.nationalBodyById, b.parentId),
  secretariatProvidedBy: (b, _args, { loaders }) => loadOptional(loaders.nationalBodyById, b.secretariatProvidedById),
  country: (b) => countryRef(b.countryCode),
  sources: (b, _args, { loaders }) => loadAll(loaders.sourceById, b.sourceIds),
};
