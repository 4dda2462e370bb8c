import { DateScalar } from '@nsc-hub/shared';
import type { Resolvers } from '../__generated__/resolvers-types';
import { DistrictStructure } from './DistrictStructure';
import { Municipality } from './Municipality';
import { Mutation } from './Mutation';
import { NationalBody } from './NationalBody';
import { City, CooperationModel, Country } from './owners';
import { PoliceDistrict } from './PoliceDistrict';
import { PreventionStructure } from './PreventionStructure';
import { Query } from './Query';

export const resolvers: Resolvers = {
  Date: DateScalar,
  Query,
  Mutation,
  PoliceDistrict,
  DistrictStructure,
  Municipality,
  PreventionStructure,
  NationalBody,
  City,
  Country,
  CooperationModel,
};
