import { loadOptional, networkRef, optionalRef, parseFirst } from '@nsc-hub/shared';
import type { ForumResolvers } from '../__generated__/resolvers-types';
import { decodeEventCursor } from '../data/listEvents';
import { normaliseFilter } from '../data/eventFilter';
import { sourcesOf } from './shared';

export const Forum: ForumResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.forumById.load(id),
  founded: (forum) => forum.foundedYear,
  predecessor: (forum, _args, { loaders }) => loadOptional(loaders.forumById, forum.predecessorId),
  successor: (forum, _args, { loaders }) => loadOptional(loaders.forumById, forum.successorId),
  network: (forum) => optionalRef(networkRef, forum.networkId),
  workingGroups: (forum, _args, { loaders }) => loaders.workingGroupsByForum.load(forum.id),
  // Arguments are checked here, per field: a bad cursor fails this list, not every list in the batch.
  events: (forum, { filter, first, after }, { loaders }) =>
    loaders.eventsByForum.load({ owner: forum.id, filter: normaliseFilter(filter), first: parseFirst(first), after: decodeEventCursor(after) }),
  sources: sourcesOf,
};
