import { collate, orderLocaleOf, parseFirst } from '@nsc-hub/shared';
import { ForumEntity } from '../entities/ForumEntity';
import { countEvents } from '../data/countEvents';
import { countParticipations } from '../data/countParticipations';
import { listEvents } from '../data/listEvents';
import type { QueryResolvers } from '../__generated__/resolvers-types';

export const Query: QueryResolvers = {
  forums: (_root, { orderLocale }, { db, orderLocale: requested }) =>
    db.getRepository(ForumEntity).createQueryBuilder('f').orderBy(`f.name ${collate(orderLocaleOf(orderLocale, requested))}`).addOrderBy('f.id').getMany(),
  forum: (_root, { id }, { loaders }) => loaders.forumById.load(id),
  event: (_root, { id }, { loaders }) => loaders.eventById.load(id),
  events: (_root, { filter, first, after }, { db }) => listEvents(db, filter, parseFirst(first), after),
  participationStats: (_root, { groupBy, filter }, { db }) => countParticipations(db, groupBy, filter),
  eventStats: (_root, { groupBy, filter }, { db }) => countEvents(db, groupBy, filter),
};
