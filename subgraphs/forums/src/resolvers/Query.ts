import { parseFirst } from '@nsc-hub/shared';
import { ForumEntity } from '../entities/ForumEntity';
import { listEvents } from '../data/listEvents';
import type { QueryResolvers } from '../__generated__/resolvers-types';

export const Query: QueryResolvers = {
  forums: (_root, _args, { db }) => db.getRepository(ForumEntity).find({ order: { name: 'ASC', id: 'ASC' } }),
  forum: (_root, { id }, { loaders }) => loaders.forumById.load(id),
  event: (_root, { id }, { loaders }) => loaders.eventById.load(id),
  events: (_root, { filter, first, after }, { db }) => listEvents(db, filter, parseFirst(first), after),
};
