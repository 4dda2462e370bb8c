import type { MembershipResolvers } from '../__generated__/resolvers-types';
import { loadRequired, sourcesOf } from './shared';

export const Membership: MembershipResolvers = {
  city: (membership, _args, { loaders }) => loadRequired(loaders.cityById, membership.cityId, 'City'),
  network: (membership, _args, { loaders }) => loadRequired(loaders.networkById, membership.networkId, 'Network'),
  sources: sourcesOf,
};
