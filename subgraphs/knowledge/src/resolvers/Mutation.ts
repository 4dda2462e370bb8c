import type { MutationResolvers } from '../__generated__/resolvers-types';
import { archiveResource, createResource, updateResource } from '../writes/resourceWrites';

export const Mutation: MutationResolvers = {
  createResource: (_root, { input }, ctx) => createResource(ctx, input),
  updateResource: (_root, { id, input, expectedVersion }, ctx) => updateResource(ctx, id, input, expectedVersion),
  archiveResource: (_root, { id }, ctx) => archiveResource(ctx, id),
};
