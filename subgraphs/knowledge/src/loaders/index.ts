import type { DataSource } from 'typeorm';
import { RequestSelection, collate, createGroupLoader, createKeyLoader, plainRowsIn, recordsReadAlong, selectedColumns, type OrderLocale } from '@nsc-hub/shared';
import { ResourceEntity, SourceEntity, TopicEntity } from '../entities';
import { DB_SCHEMA } from '../dbSchema';
import { LIST_SPECS, createResourceListLoader } from './resourceLists';

/**
 * Every reference and list field goes through one of these, built fresh for each request; names
 * sort in the request's order. Resources are read with only the columns the request's query
 * selects (`selection`; whole rows where it is not known), and their sort key, which cursors encode.
 */
export function createLoaders(db: DataSource, locale: OrderLocale, selection = new RequestSelection()) {
  const resourceColumns = () => selectedColumns(db, ResourceEntity, selection, 'Resource', ['sortDate']);
  const resourceById = createKeyLoader((ids: string[]) => plainRowsIn(db, ResourceEntity, 'id', ids, undefined, resourceColumns()), (r) => r.id);
  // Resources read along with a list's pages or a search's hits.
  const resources = recordsReadAlong(db, ResourceEntity, 'resource.', resourceColumns, resourceById);
  return {
    resourceById,
    resources,
    topicById: createKeyLoader((ids: string[]) => plainRowsIn(db, TopicEntity, 'id', ids), (t) => t.id),
    sourceById: createKeyLoader((ids: string[]) => plainRowsIn(db, SourceEntity, 'id', ids), (s) => s.id),
    topicsByResource: createGroupLoader(
      (ids: string[]): Promise<(TopicEntity & { resourceId: string })[]> =>
        db.query(
          `SELECT t.id, t.name, rt.resource_id AS "resourceId" FROM ${DB_SCHEMA}.resource_topics rt
             JOIN ${DB_SCHEMA}.topics t ON t.id = rt.topic_id WHERE rt.resource_id = ANY($1) ORDER BY t.name ${collate(locale)}, t.id`,
          [ids],
        ),
      (t) => t.resourceId,
    ),
    resourcesByTopic: createResourceListLoader(db, LIST_SPECS.topic, resources),
    resourcesByCity: createResourceListLoader(db, LIST_SPECS.city, resources),
    resourcesByCountry: createResourceListLoader(db, LIST_SPECS.country, resources),
    resourcesByNetwork: createResourceListLoader(db, LIST_SPECS.network, resources),
    publicationsByForum: createResourceListLoader(db, LIST_SPECS.forum, resources),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
