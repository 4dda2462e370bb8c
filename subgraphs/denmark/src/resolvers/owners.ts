import { loadAll } from '@nsc-hub/shared';
import type { CityResolvers, CooperationModelResolvers, CountryResolvers } from '../__generated__/resolvers-types';

// Cities, countries and cooperation models are the membership subgraph's: denmark resolves them from their key alone
// and adds its fields, so membership being down nulls only membership's fields, and denmark being
// down only these.
export const City: CityResolvers = {
  __resolveReference: ({ id }) => ({ __typename: 'City', id }),
  municipality: ({ id }, _args, { loaders }) => loaders.municipalityByCity.load(id),
  policeDistrict: async ({ id }, _args, { loaders }) => {
    const municipality = await loaders.municipalityByCity.load(id);
    return municipality ? loaders.districtById.load(municipality.policeDistrictId) : null;
  },
};

export const Country: CountryResolvers = {
  __resolveReference: ({ code }) => ({ __typename: 'Country', code }),
  id: ({ code }) => code,
  policeDistricts: ({ code }, _args, { loaders }) => loaders.districtsByCountry.load(code.toUpperCase()),
  nationalBodies: ({ code }, _args, { loaders }) => loaders.nationalBodiesByCountry.load(code.toUpperCase()),
};

export const CooperationModel: CooperationModelResolvers = {
  __resolveReference: ({ id }) => ({ __typename: 'CooperationModel', id }),
  danishStructures: async ({ id }, _args, { loaders }) => loadAll(loaders.structureById, (await loaders.structureIdsByCooperationModel.load(id)).map((link) => link.id)),
};
