import { loadAll, loadRequired } from '@nsc-hub/shared';
import type { DistrictStructureResolvers } from '../__generated__/resolvers-types';

export const DistrictStructure: DistrictStructureResolvers = {
  structure: (row, _args, { loaders }) => loadRequired(loaders.structureById, row.structureId, 'Prevention structure'),
  sources: (row, _args, { loaders }) => loadAll(loaders.sourceById, row.sourceIds),
};
