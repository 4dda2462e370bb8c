import type { MutationResolvers } from '../__generated__/resolvers-types';
import { createEvent, updateEvent } from '../writes/eventWrites';
import { recordParticipation, removeParticipation } from '../writes/participationWrites';

export const Mutation: MutationResolvers = {
  createEvent: (_root, { input }, ctx) => createEvent(ctx, input),
  updateEvent: (_root, { id, input, expectedVersion }, ctx) => updateEvent(ctx, id, input, expectedVersion),
  recordParticipation: (_root, { input }, ctx) => recordParticipation(ctx, input),
  removeParticipation: (_root, { id }, ctx) => removeParticipation(ctx, id),
};
