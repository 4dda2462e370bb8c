import type { DataSource } from 'typeorm';
import { collate, createArgsLoader, nameCursorKey, toConnection, type Connection, type OrderLocale } from '@nsc-hub/shared';
import { DB_SCHEMA } from '../dbSchema';
import { MembershipEntity, type MembershipStatusValue } from '../entities/MembershipEntity';

export interface MembersKey {
  networkId: string;
  status: MembershipStatusValue | null;
  first: number;
  /** The decoded `after` cursor: city name and membership id of the last row seen. */
  after: readonly [string, string] | null;
}

type MemberRow = MembershipEntity & { cityName: string };


/**
 * A page of each network's memberships, ordered by city name in `locale`'s order. All networks asked for in one
 * request with the same arguments are answered by one statement (a window per network), and the
 * counts, only when asked for, by one more.
 */
export function createNetworkMembersLoader(db: DataSource, locale: OrderLocale) {
  const order = collate(locale);
  const sortKey = (m: MemberRow) => nameCursorKey(locale, m.cityName, m.id);
  const counts = createArgsLoader<{ networkId: string; status: MembershipStatusValue | null }, number>(async (keys) => {
    const rows: { network_id: string; status: string; count: string }[] = await db.query(
      `SELECT network_id, status, count(*) AS count FROM ${DB_SCHEMA}.memberships
        WHERE network_id = ANY($1) GROUP BY network_id, status`,
      [[...new Set(keys.map((k) => k.networkId))]],
    );
    return keys.map((k) =>
      rows.filter((r) => r.network_id === k.networkId && (k.status === null || r.status === k.status)).reduce((sum, r) => sum + Number(r.count), 0),
    );
  });

  return createArgsLoader<MembersKey, Connection<MembershipEntity>>(async (keys) => {
    const byArgs = new Map<string, MembersKey[]>();
    for (const key of keys) {
      const args = JSON.stringify([key.status, key.first, key.after]);
      byArgs.set(args, [...(byArgs.get(args) ?? []), key]);
    }
    const pages = new Map<MembersKey, MemberRow[]>();
    for (const group of byArgs.values()) {
      const { status, first, after: cursor } = group[0];
      const params: unknown[] = [group.map((k) => k.networkId)];
      let where = 'm.network_id = ANY($1)';
      if (status) {
        params.push(status);
        where += ` AND m.status = $${params.length}`;
      }
      if (cursor) {
        params.push(cursor[0], cursor[1]);
        where += ` AND (c.name ${order} > $${params.length - 1} ${order} OR (c.name = $${params.length - 1} AND m.id::text > $${params.length}))`;
      }
      params.push(first + 1);
      const raw: Record<string, unknown>[] = await db.query(
        `SELECT * FROM (
           SELECT m.*, c.name AS city_name,
                  row_number() OVER (PARTITION BY m.network_id ORDER BY c.name ${order}, m.id::text) AS rn
             FROM ${DB_SCHEMA}.memberships m JOIN ${DB_SCHEMA}.cities c ON c.id = m.city_id
            WHERE ${where}
         ) page WHERE rn <= $${params.length} ORDER BY network_id, rn`,
        params,
      );
      const rows = raw.map(toMemberRow);
      for (const key of group) pages.set(key, rows.filter((r) => r.networkId === key.networkId));
    }
    return keys.map((key) => toConnection(pages.get(key) ?? [], key.first, () => counts.load({ networkId: key.networkId, status: key.status }), sortKey));
  });
}

function toMemberRow(raw: Record<string, unknown>): MemberRow {
  return Object.assign(new MembershipEntity(), {
    id: raw.id as string,
    cityId: raw.city_id as string,
    networkId: raw.network_id as string,
    status: raw.status as MembershipStatusValue,
    role: raw.role as string | null,
    since: raw.since as string | null,
    until: raw.until as string | null,
    joinedYear: raw.joined_year as number | null,
    firstRecordedYear: raw.first_recorded_year as number | null,
    evidence: raw.evidence as string | null,
    sourceIds: raw.source_ids as string[],
    version: raw.version as number,
    createdAt: raw.created_at as Date,
    cityName: raw.city_name as string,
  });
}
