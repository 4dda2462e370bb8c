import { countryCode, parseFirst } from '@nsc-hub/shared';
import { CooperationModelEntity } from '../entities/CooperationModelEntity';
import { CountryEntity } from '../entities/CountryEntity';
import { NetworkEntity } from '../entities/NetworkEntity';
import { findCities } from '../data/findCities';
import type { QueryResolvers } from '../__generated__/resolvers-types';

export const Query: QueryResolvers = {
  countries: (_root, _args, { db }) => db.getRepository(CountryEntity).find({ order: { name: 'ASC' } }),
  country: (_root, { code }, { loaders }) => loaders.countryByCode.load(code.trim().toUpperCase()),
  cities: (_root, { filter, first, after }, { db }) => findCities(db, filter, parseFirst(first), after),
  city: (_root, { id }, { loaders }) => loaders.cityById.load(id),
  networks: (_root, _args, { db }) => db.getRepository(NetworkEntity).find({ order: { name: 'ASC' } }),
  network: (_root, { id }, { loaders }) => loaders.networkById.load(id),
  cooperationModels: (_root, { country }, { db }) =>
    db.getRepository(CooperationModelEntity).find({
      where: country ? { countryCode: countryCode(country, 'country') } : {},
      order: { countryCode: 'ASC', name: 'ASC' },
    }),
};
