import type { DataSource } from 'typeorm';
import { SqlParams, countGroups, type GroupCounts, type GroupDimension } from '@nsc-hub/shared';
import { DB_SCHEMA } from '../dbSchema';
import type { ResourceDimension, ResourceFilter } from '../__generated__/resolvers-types';
import type { AudienceValue, PublisherTypeValue, ResourceKindValue } from '../entities/ResourceEntity';
import { resourceConditions } from './resourceFilter';

export interface ResourceGroupValues {
  readonly kind: ResourceKindValue | null;
  readonly topicId: string | null;
  readonly language: string | null;
  readonly year: number | null;
  readonly countryCode: string | null;
  readonly audience: AudienceValue | null;
  readonly publisherType: PublisherTypeValue | null;
}

export type ResourceCounts = GroupCounts<ResourceGroupValues>;

/** Each dimension's SQL value (resource `r`); a list's values come through a LEFT JOIN. */
const DIMENSIONS: Record<ResourceDimension, GroupDimension<ResourceGroupValues>> = {
  KIND: { sql: 'r.kind', key: 'kind' },
  TOPIC: { sql: 'rt.topic_id', join: `LEFT JOIN ${DB_SCHEMA}.resource_topics rt ON rt.resource_id = r.id`, key: 'topicId' },
  LANGUAGE: { sql: 'lang.value', join: 'LEFT JOIN LATERAL unnest(r.languages) AS lang(value) ON TRUE', key: 'language' },
  YEAR: { sql: 'r.published_year', key: 'year' },
  COUNTRY: { sql: 'country.value', join: 'LEFT JOIN LATERAL unnest(r.country_codes) AS country(value) ON TRUE', key: 'countryCode' },
  AUDIENCE: { sql: 'audience.value', join: 'LEFT JOIN LATERAL unnest(r.audiences) AS audience(value) ON TRUE', key: 'audience' },
  PUBLISHER_TYPE: { sql: 'r.publisher_type', key: 'publisherType' },
};

/**
 * Resources counted by the grouped dimensions, in one statement (see countGroups), with the
 * `resources` filter (archived ones left out). `count(DISTINCT r.id)` counts a resource once per
 * group, and once in the total, however many list values it has.
 */
export function countResources(db: DataSource, groupBy: readonly ResourceDimension[], filter: ResourceFilter | null | undefined): Promise<ResourceCounts> {
  const params = new SqlParams();
  const where = resourceConditions(filter, params);
  return countGroups(db, { from: `${DB_SCHEMA}.resources r`, where, params, dimensions: DIMENSIONS, groupBy, count: 'count(DISTINCT r.id)' });
}
