import { countryRef, loadAll } from '@nsc-hub/shared';
import type { NationalBodyResolvers } from '../__generated__/resolvers-types';

const none = async () => null;

export const NationalBody: NationalBodyResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.nationalBodyById.load(id),
  parent: (b, _args, { loaders }) => (b.parentId ? loaders.nationalBodyById.load(b.parentId) : none()),
  secretariatProvidedBy: (b, _args, { loaders }) => (b.secretariatProvidedById ? loaders.nationalBodyById.load(b.secretariatProvidedById) : none()),
  country: (b) => countryRef(b.countryCode),
  sources: (b, _args, { loaders }) => loadAll(loaders.sourceById, b.sourceIds),
};
