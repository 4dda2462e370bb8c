import { In, type DataSource } from 'typeorm';
import { collate, createGroupLoader, createKeyLoader, type OrderLocale } from '@nsc-hub/shared';
import {
  CityCooperationModelEntity,
  CityEntity,
  ContactPersonEntity,
  CooperationModelEntity,
  CountryEntity,
  MembershipEntity,
  NetworkEntity,
  SourceEntity,
} from '../entities';
import { createNetworkMembersLoader } from './networkMembers';

/**
 * Every reference and list field goes through one of these, built fresh for each request; lists
 * by name follow the request's alphabetical order.
 */
export function createLoaders(db: DataSource, locale: OrderLocale) {
  const repo = db.getRepository.bind(db);
  /** The rows whose `column` is one of `keys`, by name in the request's order, ties by id. */
  const byName = <T extends object>(entity: new () => T, column: string) => (keys: string[]) =>
    repo(entity).createQueryBuilder('t').where(`t.${column} IN (:...keys)`, { keys }).orderBy(`t.name ${collate(locale)}`).addOrderBy('t.id').getMany();
  return {
    countryByCode: createKeyLoader((codes: string[]) => repo(CountryEntity).findBy({ code: In(codes) }), (c) => c.code),
    cityById: createKeyLoader((ids: string[]) => repo(CityEntity).findBy({ id: In(ids) }), (c) => c.id),
    networkById: createKeyLoader((ids: string[]) => repo(NetworkEntity).findBy({ id: In(ids) }), (n) => n.id),
    cooperationModelById: createKeyLoader((ids: string[]) => repo(CooperationModelEntity).findBy({ id: In(ids) }), (m) => m.id),
    sourceById: createKeyLoader((ids: string[]) => repo(SourceEntity).findBy({ id: In(ids) }), (s) => s.id),
    citiesByCountry: createGroupLoader(
      byName(CityEntity, 'countryCode'),
      (c) => c.countryCode,
    ),
    membershipsByCity: createGroupLoader(
      (ids: string[]) => repo(MembershipEntity).find({ where: { cityId: In(ids) }, order: { networkId: 'ASC', since: 'ASC', id: 'ASC' } }),
      (m) => m.cityId,
    ),
    contactsByCity: createGroupLoader(
      byName(ContactPersonEntity, 'cityId'),
      (c) => c.cityId,
    ),
    cooperationModelsByCountry: createGroupLoader(
      byName(CooperationModelEntity, 'countryCode'),
      (m) => m.countryCode,
    ),
    cityModelLinksByCity: createGroupLoader(
      (ids: string[]) => repo(CityCooperationModelEntity).find({ where: { cityId: In(ids) }, order: { modelId: 'ASC' } }),
      (l) => l.cityId,
    ),
    cityModelLinksByModel: createGroupLoader(
      (ids: string[]) => repo(CityCooperationModelEntity).find({ where: { modelId: In(ids) }, order: { cityId: 'ASC' } }),
      (l) => l.modelId,
    ),
    networkMembers: createNetworkMembersLoader(db, locale),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
