import { loadAll, loadOptional } from '@nsc-hub/shared';
import type { PreventionStructureResolvers } from '../__generated__/resolvers-types';

export const PreventionStructure: PreventionStructureResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.structureById.load(id),
  type: (s, _args, { loaders }) => loadOptional(loaders.structureById, s.typeId),
  instances: (s, _args, { loaders }) => (s.kind === 'STRUCTURE_TYPE' ? loaders.instancesByType.load(s.id) : []),
  municipality: (s, _args, { loaders }) => loadOptional(loaders.municipalityByCode, s.municipalityCode),
  policeDistrict: (s, _args, { loaders }) => loadOptional(loaders.districtById, s.policeDistrictId),
  sources: (s, _args, { loaders }) => loadAll(loaders.sourceById, s.sourceIds),
};
