import type { DataSource } from 'typeorm';
import { SLUG, SqlParams, countGroups, countryCode, invalid, type GroupCounts, type GroupDimension } from '@nsc-hub/shared';
import { DB_SCHEMA } from '../dbSchema';
import type { ParticipationDimension, ParticipationStatsFilter } from '../__generated__/resolvers-types';
import type { EventKindValue, ParticipationRoleValue } from '../entities';

export interface ParticipationGroupValues {
  readonly forumId: string | null;
  readonly year: number | null;
  readonly countryCode: string | null;
  readonly cityId: string | null;
  readonly role: ParticipationRoleValue | null;
  readonly eventKind: EventKindValue | null;
}

export type ParticipationCounts = GroupCounts<ParticipationGroupValues>;

/** Each dimension's SQL value (participation `p`, its event `e`). */
const DIMENSIONS: Record<ParticipationDimension, GroupDimension<ParticipationGroupValues>> = {
  FORUM: { sql: 'e.forum_id', key: 'forumId' },
  YEAR: { sql: 'extract(year FROM e.starts_on)::int', key: 'year' },
  COUNTRY: { sql: 'p.country_code', key: 'countryCode' },
  CITY: { sql: 'p.city_id', key: 'cityId' },
  ROLE: { sql: 'p.role', key: 'role' },
  EVENT_KIND: { sql: 'e.kind', key: 'eventKind' },
};

/** Participations counted by the grouped dimensions, in one statement (see countGroups). */
export function countParticipations(db: DataSource, groupBy: readonly ParticipationDimension[], filter: ParticipationStatsFilter | null | undefined): Promise<ParticipationCounts> {
  const params = new SqlParams();
  const where: string[] = [];
  if (filter?.forum) {
    if (!SLUG.test(filter.forum)) throw invalid('filter.forum', `"${filter.forum}" is not a forum id such as ran`);
    where.push(`e.forum_id = ${params.add(filter.forum)}`);
  }
  if (filter?.country) where.push(`p.country_code = ${params.add(countryCode(filter.country, 'filter.country'))}`);
  if (filter?.role) where.push(`p.role = ${params.add(filter.role)}`);
  if (filter?.eventKind) where.push(`e.kind = ${params.add(filter.eventKind)}`);
  return countGroups(db, { from: `${DB_SCHEMA}.participations p JOIN ${DB_SCHEMA}.events e ON e.id = p.event_id`, where, params, dimensions: DIMENSIONS, groupBy });
}
