import type { MutationResolvers } from '../__generated__/resolvers-types';
import { updatePoliceDistrict } from '../writes/policeDistrictWrites';
import { recordLocalStructure, updatePreventionStructure } from '../writes/preventionStructureWrites';

export const Mutation: MutationResolvers = {
  updatePoliceDistrict: (_root, { id, input, expectedVersion }, ctx) => updatePoliceDistrict(ctx, id, input, expectedVersion),
  updatePreventionStructure: (_root, { id, input, expectedVersion }, ctx) => updatePreventionStructure(ctx, id, input, expectedVersion),
  recordLocalStructure: (_root, { input }, ctx) => recordLocalStructure(ctx, input),
};
