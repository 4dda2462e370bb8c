import type { DataSource } from 'typeorm';
import { collate, createGroupLoader, createKeyLoader, plainRowsIn, plainRowsOf, type OrderLocale } from '@nsc-hub/shared';
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
    plainRowsOf(db, entity, repo(entity).createQueryBuilder('t').where(`t.${column} IN (:...keys)`, { keys }).orderBy(`t.name ${collate(locale)}`).addOrderBy('t.id'), 't');
  return {
    countryByCode: createKeyLoader((codes: string[]) => plainRowsIn(db, CountryEntity, 'code', codes), (c) => c.code),
    cityById: createKeyLoader((ids: string[]) => plainRowsIn(db, CityEntity, 'id', ids), (c) => c.id),
    networkById: createKeyLoader((ids: string[]) => plainRowsIn(db, NetworkEntity, 'id', ids), (n) => n.id),
    cooperationModelById: createKeyLoader((ids: string[]) => plainRowsIn(db, CooperationModelEntity, 'id', ids), (m) => m.id),
    sourceById: createKeyLoader((ids: string[]) => plainRowsIn(db, SourceEntity, 'id', ids), (s) => s.id),
    citiesByCountry: createGroupLoader(
      byName(CityEntity, 'countryCode'),
      (c) => c.countryCode,
    ),
    membershipsByCity: createGroupLoader(
      (ids: string[]) => plainRowsIn(db, MembershipEntity, 'city_id', ids, 't.network_id, t.since, t.id'),
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
      (ids: string[]) => plainRowsIn(db, CityCooperationModelEntity, 'city_id', ids, 't.model_id'),
      (l) => l.cityId,
    ),
    cityModelLinksByModel: createGroupLoader(
      (ids: string[]) => plainRowsIn(db, CityCooperationModelEntity, 'model_id', ids, 't.city_id'),
      (l) => l.modelId,
    ),
    networkMembers: createNetworkMembersLoader(db, locale),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
