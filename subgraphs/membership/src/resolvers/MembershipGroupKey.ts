import { loadOptional } from '@nsc-hub/shared';
import type { MembershipGroupKeyResolvers } from '../__generated__/resolvers-types';

// A group's country and network are records of this subgraph: loaded by key, batched across groups.
export const MembershipGroupKey: MembershipGroupKeyResolvers = {
  country: (key, _args, { loaders }) => loadOptional(loaders.countryByCode, key.countryCode),
  network: (key, _args, { loaders }) => loadOptional(loaders.networkById, key.networkId),
};
