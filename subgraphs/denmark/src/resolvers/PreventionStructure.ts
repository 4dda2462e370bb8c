import { loadAll } from '@nsc-hub/shared';
import type { PreventionStructureResolvers } from '../__generated__/resolvers-types';

const none = async () => null;

export const PreventionStructure: PreventionStructureResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.structureById.load(id),
  type: (s, _args, { loaders }) => (s.typeId ? loaders.structureById.load(s.typeId) : none()),
  instances: (s, _args, { loaders }) => (s.kind === 'STRUCTURE_TYPE' ? loaders.instancesByType.load(s.id) : []),
  municipality: (s, _args, { loaders }) => (s.municipalityCode ? loaders.municipalityByCode.load(s.municipalityCode) : none()),
  policeDistrict: (s, _args, { loaders }) => (s.policeDistrictId ? loaders.districtById.load(s.policeDistrictId) : none()),
  sources: (s, _args, { loaders }) => loadAll(loaders.sourceById, s.sourceIds),
};
