import { cityRef, loadAll, loadRequired, optionalRef } from '@nsc-hub/shared';
import type { MunicipalityResolvers } from '../__generated__/resolvers-types';

export const Municipality: MunicipalityResolvers = {
  __resolveReference: ({ code }, { loaders }) => loaders.municipalityByCode.load(code),
  policeDistrict: (m, _args, { loaders }) => loadRequired(loaders.districtById, m.policeDistrictId, 'Police district'),
  policeDistrictSources: (m, _args, { loaders }) => loadAll(loaders.sourceById, m.districtSourceIds),
  city: (m) => optionalRef(cityRef, m.cityId),
  localStructures: (m, _args, { loaders }) => loaders.structuresByMunicipality.load(m.code),
  sources: (m, _args, { loaders }) => loadAll(loaders.sourceById, m.sourceIds),
};
