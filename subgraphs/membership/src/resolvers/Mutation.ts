import type { MutationResolvers } from '../__generated__/resolvers-types';
import { createCity, updateCity } from '../writes/cityWrites';
import { addMembership, endMembership } from '../writes/membershipWrites';
import { addContact } from '../writes/contactWrites';

export const Mutation: MutationResolvers = {
  createCity: (_root, { input }, ctx) => createCity(ctx, input),
  updateCity: (_root, { id, input, expectedVersion }, ctx) => updateCity(ctx, id, input, expectedVersion),
  addMembership: (_root, { input }, ctx) => addMembership(ctx, input),
  endMembership: (_root, { id, until }, ctx) => endMembership(ctx, id, until),
  addContact: (_root, { cityId, input }, ctx) => addContact(ctx, cityId, input),
};
