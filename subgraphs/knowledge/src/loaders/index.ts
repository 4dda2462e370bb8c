import type { DataSource } from 'typeorm';
import { RequestSelection, collate, createGroupLoader, createKeyLoader, plainColumns, plainPartReader, plainRowsIn, selectedColumns, type KeyLoader, type OrderLocale } from '@nsc-hub/shared';
import { ResourceEntity, SourceEntity, TopicEntity } from '../entities';
import { DB_SCHEMA } from '../dbSchema';
import { LIST_SPECS, createResourceListLoader } from './resourceLists';

/**
 * Resources a statement reads along with its own rows (a list's pages, a search's hits), so that
 * they take no statement of their own: the columns to select on `alias`, prefixed `resource.`, and
 * each row's resource, handed to `resourceById` for whatever asks for it by id later.
 */
export interface ResourceRows {
  columns(alias: string): string;
  read(row: Readonly<Record<string, unknown>>): ResourceEntity;
}

function resourceRows(db: DataSource, columns: () => ReturnType<typeof selectedColumns>, resourceById: KeyLoader<string, ResourceEntity>): ResourceRows {
  const resourceOf = plainPartReader(db, ResourceEntity, 'resource.');
  return {
    columns: (alias) => plainColumns(db, ResourceEntity, alias, 'resource.', columns()),
    read: (row) => {
      const resource = resourceOf(row);
      resourceById.prime(resource.id, resource);
      return resource;
    },
  };
}

/**
 * Every reference and list field goes through one of these, built fresh for each request; names
 * sort in the request's order. Resources are read with only the columns the request's query
 * selects (`selection`; whole rows where it is not known), and their sort key, which cursors encode.
 */
export function createLoaders(db: DataSource, locale: OrderLocale, selection = new RequestSelection()) {
  const resourceColumns = () => selectedColumns(db, ResourceEntity, selection, 'Resource', ['sortDate']);
  const resourceById = createKeyLoader((ids: string[]) => plainRowsIn(db, ResourceEntity, 'id', ids, undefined, resourceColumns()), (r) => r.id);
  const resources = resourceRows(db, resourceColumns, resourceById);
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
