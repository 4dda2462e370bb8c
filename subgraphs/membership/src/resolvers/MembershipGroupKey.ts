import type { MembershipGroupKeyResolvers } from '../__generated__/resolvers-types';

const none = async () => null;

// A group's country and network are records of this subgraph: loaded by key, batched across groups.
export const MembershipGroupKey: MembershipGroupKeyResolvers = {
  country: (key, _args, { loaders }) => (key.countryCode ? loaders.countryByCode.load(key.countryCode.trim()) : none()),
  network: (key, _args, { loaders }) => (key.networkId ? loaders.networkById.load(key.networkId) : none()),
  status: (key) => key.status ?? null,
  yearJoined: (key) => key.yearJoined ?? null,
};
