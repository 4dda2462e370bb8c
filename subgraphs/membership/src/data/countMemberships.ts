import type { DataSource } from 'typeorm';
import { SqlParams, countryCode, invalid } from '@nsc-hub/shared';
import { DB_SCHEMA } from '../dbSchema';
import type { MembershipDimension, MembershipStatsFilter } from '../__generated__/resolvers-types';
import type { MembershipStatusValue } from '../entities/MembershipEntity';

export interface MembershipGroupValues {
  readonly countryCode?: string | null;
  readonly networkId?: string | null;
  readonly status?: MembershipStatusValue | null;
  readonly yearJoined?: number | null;
}

export interface MembershipCounts {
  readonly total: number;
  readonly rows: { readonly key: MembershipGroupValues; readonly count: number }[];
}

/** Each dimension's SQL expression (on aliases `m` and `c`) and the key field it fills. */
const DIMENSIONS: Record<MembershipDimension, { sql: string; key: keyof MembershipGroupValues }> = {
  COUNTRY: { sql: 'c.country_code', key: 'countryCode' },
  NETWORK: { sql: 'm.network_id', key: 'networkId' },
  STATUS: { sql: 'm.status', key: 'status' },
  YEAR_JOINED: { sql: 'm.joined_year', key: 'yearJoined' },
};

/**
 * Memberships counted by the grouped dimensions in one statement, whatever the number of groups:
 * `GROUPING SETS` gives the groups and the total together. Unknown values (null) form their own
 * group and sort last.
 */
export async function countMemberships(db: DataSource, groupBy: readonly MembershipDimension[], filter: MembershipStatsFilter | null | undefined): Promise<MembershipCounts> {
  const dimensions = [...new Set(groupBy)];
  if (dimensions.length !== groupBy.length) throw invalid('groupBy', 'name each dimension once');
  const p = new SqlParams();
  const where = ['TRUE'];
  if (filter?.country) where.push(`c.country_code = ${p.add(countryCode(filter.country, 'filter.country'))}`);
  if (filter?.network) where.push(`m.network_id = ${p.add(filter.network)}`);
  if (filter?.status) where.push(`m.status = ${p.add(filter.status)}`);
  const columns = dimensions.map((d, i) => `${DIMENSIONS[d].sql} AS d${i}`);
  const grouped = dimensions.map((d) => DIMENSIONS[d].sql).join(', ');
  const rows = await p.raw<Record<string, unknown> & { count: number; total_row: boolean }>(
    db,
    `SELECT ${[...columns, 'count(*)::int AS count', dimensions.length ? `GROUPING(${grouped}) <> 0 AS total_row` : 'TRUE AS total_row'].join(', ')}
       FROM ${DB_SCHEMA}.memberships m JOIN ${DB_SCHEMA}.cities c ON c.id = m.city_id
      WHERE ${where.join(' AND ')}
      GROUP BY GROUPING SETS (${dimensions.length ? `(${grouped}), ` : ''}())
      ORDER BY total_row, ${dimensions.map((_d, i) => `d${i} NULLS LAST`).concat('count').join(', ')}`,
  );
  const total = rows.find((r) => r.total_row)?.count ?? 0;
  return {
    total,
    // Grouped by nothing, everything is one group.
    rows: dimensions.length
      ? rows.filter((r) => !r.total_row).map((r) => ({ key: Object.fromEntries(dimensions.map((d, i) => [DIMENSIONS[d].key, r[`d${i}`] ?? null])), count: r.count }))
      : [{ key: {}, count: total }],
  };
}
