import { collate, orderLocaleOf, parseFirst, selectsField } from '@nsc-hub/shared';
import { TopicEntity } from '../entities/TopicEntity';
import { countResources } from '../data/countResources';
import { listResources } from '../data/listResources';
import { searchResources } from '../data/searchResources';
import type { QueryResolvers } from '../__generated__/resolvers-types';

export const Query: QueryResolvers = {
  resources: (_root, { filter, first, after }, { db }) => listResources(db, filter, parseFirst(first), after),
  resource: (_root, { id }, { loaders }) => loaders.resourceById.load(id),
  topics: (_root, { orderLocale }, { db, orderLocale: requested }) =>
    db.getRepository(TopicEntity).createQueryBuilder('t').orderBy(`t.name ${collate(orderLocaleOf(orderLocale, requested))}`).addOrderBy('t.id').getMany(),
  searchResources: (_root, { query, language, filter, first, after }, { db, loaders }, info) =>
    searchResources(db, loaders, { query, language, filter, first: parseFirst(first), after, highlight: selectsField(info, ['edges', 'highlight']) }),
  resourceStats: (_root, { groupBy, filter }, { db }) => countResources(db, groupBy, filter),
};
