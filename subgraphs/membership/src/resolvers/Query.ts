import { collate, countryCode, orderLocaleOf, parseFirst } from '@nsc-hub/shared';
import { CooperationModelEntity } from '../entities/CooperationModelEntity';
import { CountryEntity } from '../entities/CountryEntity';
import { NetworkEntity } from '../entities/NetworkEntity';
import { countMemberships } from '../data/countMemberships';
import { findCities } from '../data/findCities';
import type { QueryResolvers } from '../__generated__/resolvers-types';

export const Query: QueryResolvers = {
  countries: (_root, { orderLocale }, { db, orderLocale: requested }) =>
    db.getRepository(CountryEntity).createQueryBuilder('t').orderBy(`t.name ${collate(orderLocaleOf(orderLocale, requested))}`).addOrderBy('t.code').getMany(),
  country: (_root, { code }, { loaders }) => loaders.countryByCode.load(code.trim().toUpperCase()),
  cities: (_root, { filter, first, after, orderLocale }, { db, orderLocale: requested }) =>
    findCities(db, filter, parseFirst(first), after, orderLocaleOf(orderLocale, requested)),
  city: (_root, { id }, { loaders }) => loaders.cityById.load(id),
  networks: (_root, { orderLocale }, { db, orderLocale: requested }) =>
    db.getRepository(NetworkEntity).createQueryBuilder('t').orderBy(`t.name ${collate(orderLocaleOf(orderLocale, requested))}`).addOrderBy('t.id').getMany(),
  network: (_root, { id }, { loaders }) => loaders.networkById.load(id),
  cooperationModels: (_root, { country, orderLocale }, { db, orderLocale: requested }) => {
    const query = db.getRepository(CooperationModelEntity).createQueryBuilder('t');
    if (country) query.where('t.countryCode = :country', { country: countryCode(country, 'country') });
    return query.orderBy('t.countryCode').addOrderBy(`t.name ${collate(orderLocaleOf(orderLocale, requested))}`).addOrderBy('t.id').getMany();
  },
  membershipStats: (_root, { groupBy, filter }, { db }) => countMemberships(db, groupBy, filter),
};
