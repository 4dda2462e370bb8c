import type { DataSource } from 'typeorm';
import { SqlParams, countGroups, type GroupCounts, type GroupDimension } from '@nsc-hub/shared';
import { DB_SCHEMA } from '../dbSchema';
import type { EventDimension, EventFilter } from '../__generated__/resolvers-types';
import type { EventKindValue } from '../entities';
import { eventConditions, normaliseFilter } from './eventFilter';

export interface EventGroupValues {
  readonly forumId: string | null;
  readonly year: number | null;
  readonly countryCode: string | null;
  readonly kind: EventKindValue | null;
}

export type EventCounts = GroupCounts<EventGroupValues>;

/** Each dimension's SQL value (event `e`). */
const DIMENSIONS: Record<EventDimension, GroupDimension<EventGroupValues>> = {
  FORUM: { sql: 'e.forum_id', key: 'forumId' },
  YEAR: { sql: 'extract(year FROM e.starts_on)::int', key: 'year' },
  COUNTRY: { sql: 'e.country_code', key: 'countryCode' },
  KIND: { sql: 'e.kind', key: 'kind' },
};

/** Events counted by the grouped dimensions, with the `events` filter, in one statement (see countGroups). */
export function countEvents(db: DataSource, groupBy: readonly EventDimension[], filter: EventFilter | null | undefined): Promise<EventCounts> {
  const params = new SqlParams();
  const where = eventConditions(normaliseFilter(filter), params);
  return countGroups(db, { from: `${DB_SCHEMA}.events e`, where, params, dimensions: DIMENSIONS, groupBy });
}
