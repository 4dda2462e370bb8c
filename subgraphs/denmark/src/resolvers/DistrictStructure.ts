import { loadAll } from '@nsc-hub/shared';
import type { DistrictStructureResolvers } from '../__generated__/resolvers-types';

export const DistrictStructure: DistrictStructureResolvers = {
  structure: (row) => row.structure,
  sources: (row, _args, { loaders }) => loadAll(loaders.sourceById, row.sourceIds),
};
