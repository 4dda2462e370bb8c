import { CityCooperationModelEntity } from './CityCooperationModelEntity';
import { CityEntity } from './CityEntity';
import { ContactPersonEntity } from './ContactPersonEntity';
import { CooperationModelEntity } from './CooperationModelEntity';
import { CountryEntity } from './CountryEntity';
import { MembershipEntity } from './MembershipEntity';
import { NetworkEntity } from './NetworkEntity';
import { SourceEntity } from './SourceEntity';

export {
  CityCooperationModelEntity,
  CityEntity,
  ContactPersonEntity,
  CooperationModelEntity,
  CountryEntity,
  MembershipEntity,
  NetworkEntity,
  SourceEntity,
};

export const entities = [
  CityCooperationModelEntity,
  CityEntity,
  ContactPersonEntity,
  CooperationModelEntity,
  CountryEntity,
  MembershipEntity,
  NetworkEntity,
  SourceEntity,
];
