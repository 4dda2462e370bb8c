import type { DataSource } from 'typeorm';
import { SqlParams, countGroups, countryCode, type GroupCounts, type GroupDimension } from '@nsc-hub/shared';
import { DB_SCHEMA } from '../dbSchema';
import type { MembershipDimension, MembershipStatsFilter } from '../__generated__/resolvers-types';
import type { MembershipStatusValue } from '../entities/MembershipEntity';

export interface MembershipGroupValues {
  readonly countryCode: string | null;
  readonly networkId: string | null;
  readonly status: MembershipStatusValue | null;
  readonly yearJoined: number | null;
}

export type MembershipCounts = GroupCounts<MembershipGroupValues>;

/** Each dimension's SQL value (membership `m`, its city `c`). */
const DIMENSIONS: Record<MembershipDimension, GroupDimension<MembershipGroupValues>> = {
  COUNTRY: { sql: 'c.country_code', key: 'countryCode' },
  NETWORK: { sql: 'm.network_id', key: 'networkId' },
  STATUS: { sql: 'm.status', key: 'status' },
  YEAR_JOINED: { sql: 'm.joined_year', key: 'yearJoined' },
};

/** Memberships counted by the grouped dimensions, in one statement (see countGroups). */
export function countMemberships(db: DataSource, groupBy: readonly MembershipDimension[], filter: MembershipStatsFilter | null | undefined): Promise<MembershipCounts> {
  const params = new SqlParams();
  const where: string[] = [];
  if (filter?.country) where.push(`c.country_code = ${params.add(countryCode(filter.country, 'filter.country'))}`);
  if (filter?.network) where.push(`m.network_id = ${params.add(filter.network)}`);
  if (filter?.status) where.push(`m.status = ${params.add(filter.status)}`);
  return countGroups(db, { from: `${DB_SCHEMA}.memberships m JOIN ${DB_SCHEMA}.cities c ON c.id = m.city_id`, where, params, dimensions: DIMENSIONS, groupBy });
}
