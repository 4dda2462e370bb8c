import { decodeNameCursor, parseFirst } from '@nsc-hub/shared';
import type { NetworkResolvers } from '../__generated__/resolvers-types';
import { sourcesOf } from './shared';

export const Network: NetworkResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.networkById.load(id),
  members: (network, { status, first, after }, { loaders, orderLocale }) => {
    // Arguments are checked here, per field: a bad cursor fails this list, not every list in the batch.
    const cursor = decodeNameCursor(after, orderLocale);
    return loaders.networkMembers.load({ networkId: network.id, status: status ?? null, first: parseFirst(first), after: cursor });
  },
  sources: sourcesOf,
};
