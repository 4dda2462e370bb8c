import { In, type DataSource } from 'typeorm';
import { createGroupLoader, createKeyLoader } from '@nsc-hub/shared';
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

const byName = { name: 'ASC', id: 'ASC' } as const;

/** Every reference and list field goes through one of these, built fresh for each request. */
export function createLoaders(db: DataSource) {
  const repo = db.getRepository.bind(db);
  return {
    countryByCode: createKeyLoader((codes: string[]) => repo(CountryEntity).findBy({ code: In(codes) }), (c) => c.code),
    cityById: createKeyLoader((ids: string[]) => repo(CityEntity).findBy({ id: In(ids) }), (c) => c.id),
    networkById: createKeyLoader((ids: string[]) => repo(NetworkEntity).findBy({ id: In(ids) }), (n) => n.id),
    cooperationModelById: createKeyLoader((ids: string[]) => repo(CooperationModelEntity).findBy({ id: In(ids) }), (m) => m.id),
    sourceById: createKeyLoader((ids: string[]) => repo(SourceEntity).findBy({ id: In(ids) }), (s) => s.id),
    citiesByCountry: createGroupLoader(
      (codes: string[]) => repo(CityEntity).find({ where: { countryCode: In(codes) }, order: byName }),
      (c) => c.countryCode,
    ),
    membershipsByCity: createGroupLoader(
      (ids: string[]) => repo(MembershipEntity).find({ where: { cityId: In(ids) }, order: { networkId: 'ASC', since: 'ASC', id: 'ASC' } }),
      (m) => m.cityId,
    ),
    contactsByCity: createGroupLoader(
      (ids: string[]) => repo(ContactPersonEntity).find({ where: { cityId: In(ids) }, order: { name: 'ASC', id: 'ASC' } }),
      (c) => c.cityId,
    ),
    cooperationModelsByCountry: createGroupLoader(
      (codes: string[]) => repo(CooperationModelEntity).find({ where: { countryCode: In(codes) }, order: byName }),
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
    networkMembers: createNetworkMembersLoader(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
