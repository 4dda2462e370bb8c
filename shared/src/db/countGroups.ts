import type { DataSource } from 'typeorm';
import { invalid } from '../validation';
import type { SqlParams } from './SqlParams';

/** A dimension to count by: its SQL value, the join that brings it (if any), and the key field it fills. */
export interface GroupDimension<K> {
  readonly sql: string;
  readonly key: keyof K;
  /** For a list's values: a LEFT JOIN, so a record without any stays, in the unknown group. */
  readonly join?: string;
}

export interface GroupCounts<K> {
  readonly total: number;
  readonly rows: { readonly key: Partial<K>; readonly count: number }[];
}

export interface CountGroupsQuery<D extends string, K> {
  /** The FROM clause, with the aliases the dimensions and conditions use. */
  readonly from: string;
  /** SQL conditions (their values already in `params`). */
  readonly where: readonly string[];
  readonly params: SqlParams;
  readonly dimensions: Readonly<Record<D, GroupDimension<K>>>;
  readonly groupBy: readonly D[];
  /** What is counted: `count(*)`, or `count(DISTINCT r.id)` where a list's values multiply the rows. */
  readonly count?: string;
}

/**
 * Counts by the grouped dimensions in one statement, whatever the number of groups: `GROUPING
 * SETS` gives the groups and the total together. Unknown values (null) form their own group and
 * sort last; grouped by nothing, everything is one group.
 */
export async function countGroups<D extends string, K>(db: DataSource, query: CountGroupsQuery<D, K>): Promise<GroupCounts<K>> {
  const chosen = [...new Set(query.groupBy)];
  if (chosen.length !== query.groupBy.length) throw invalid('groupBy', 'name each dimension once');
  const dimensions = chosen.map((d) => query.dimensions[d]);
  const grouped = dimensions.map((d) => d.sql).join(', ');
  const columns = [
    ...dimensions.map((d, i) => `${d.sql} AS d${i}`),
    `${query.count ?? 'count(*)'}::int AS count`,
    dimensions.length ? `GROUPING(${grouped}) <> 0 AS total_row` : 'TRUE AS total_row',
  ];
  const rows = await query.params.raw<Record<string, unknown> & { count: number; total_row: boolean }>(
    db,
    `SELECT ${columns.join(', ')}
       FROM ${query.from} ${dimensions.flatMap((d) => d.join ?? []).join(' ')}
      WHERE ${query.where.length ? query.where.join(' AND ') : 'TRUE'}
      GROUP BY GROUPING SETS (${dimensions.length ? `(${grouped}), ` : ''}())
      ORDER BY total_row, ${dimensions.map((_d, i) => `d${i} NULLS LAST`).concat('count').join(', ')}`,
  );
  const total = rows.find((r) => r.total_row)?.count ?? 0;
  return {
    total,
    rows: dimensions.length
      ? rows.filter((r) => !r.total_row).map((r) => ({ key: Object.fromEntries(dimensions.map((d, i) => [d.key, r[`d${i}`] ?? null])) as Partial<K>, count: r.count }))
      : [{ key: {}, count: total }],
  };
}
