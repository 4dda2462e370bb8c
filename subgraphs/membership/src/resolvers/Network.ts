import { parseFirst } from '@nsc-hub/shared';
import type { NetworkResolvers } from '../__generated__/resolvers-types';
import { sourcesOf } from './shared';

export const Network: NetworkResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.networkById.load(id),
  members: (network, { status, first, after }, { loaders }) =>
    loaders.networkMembers.load({ networkId: network.id, status: status ?? null, first: parseFirst(first), after: after ?? null }),
  sources: sourcesOf,
};
