import type { DataSource } from 'typeorm';
import DataLoader from 'dataloader';
import { SqlParams, createArgsLoader, groupBy, groupByPageArgs, toConnection, type Connection, type RecordsReadAlong } from '@nsc-hub/shared';
import type { ResourceEntity } from '../entities/ResourceEntity';
import { DB_SCHEMA } from '../dbSchema';
import { afterCursor, resourceSortKey, type ResourceCursor } from '../data/listResources';

/**
 * How the resources of one owner key are found: a FROM clause and the key expression (alias `r`);
 * where no index answers `key = ANY(owners)`, also a condition on the owner keys (a parameter)
 * that one does, so the list reads only the resources of the keys asked for.
 */
export interface ListSpec {
  readonly from: string;
  readonly key: string;
  readonly indexed?: (owners: string) => string;
  /**
   * Where each owner holds few of the resources (a city), its condition for one owner, answered by
   * an index: each owner's page is then read on its own, from its few rows, instead of numbering
   * every row of all owners in one window (on 100 cities, 2 ms against 25).
   */
  readonly each?: (owner: string) => string;
}

/** The rows of the owners in `owners` (a parameter): the key condition, and the indexed one where there is one. */
function ownedBy(spec: ListSpec, owners: string): string {
  const byKey = `${spec.key} = ANY(${owners})`;
  return spec.indexed ? `${spec.indexed(owners)} AND ${byKey}` : byKey;
}

/** The lists other types have: a topic's, a city's, a country's, a network's or forum's publications. */
export const LIST_SPECS = {
  topic: { from: `${DB_SCHEMA}.resources r JOIN ${DB_SCHEMA}.resource_topics t ON t.resource_id = r.id`, key: 't.topic_id' },
  city: {
    from: `${DB_SCHEMA}.resources r CROSS JOIN LATERAL unnest(r.city_ids) AS k(value)`,
    key: 'k.value',
    indexed: (owners) => `r.city_ids && ${owners}::text[]`,
    each: (owner) => `r.city_ids @> ARRAY[${owner}]`,
  },
  country: { from: `${DB_SCHEMA}.resources r CROSS JOIN LATERAL unnest(r.country_codes) AS k(value)`, key: 'k.value', indexed: (owners) => `r.country_codes && ${owners}::text[]` },
  network: {
    from: `${DB_SCHEMA}.resources r`,
    key: "CASE WHEN r.publisher_type = 'NETWORK' THEN r.publisher_id END",
    indexed: (owners) => `r.publisher_type = 'NETWORK' AND r.publisher_id = ANY(${owners})`,
  },
  forum: {
    from: `${DB_SCHEMA}.resources r`,
    key: "CASE WHEN r.publisher_type = 'FORUM' THEN r.publisher_id END",
    indexed: (owners) => `r.publisher_type = 'FORUM' AND r.publisher_id = ANY(${owners})`,
  },
} as const satisfies Record<string, ListSpec>;

export interface ListKey {
  readonly owner: string;
  readonly first: number;
  readonly after: ResourceCursor | null;
}

/** Every owner's first `limit` rows at once: all their rows, numbered per owner in one window. */
function pageInOneWindow(spec: ListSpec, owners: string, where: readonly string[], limit: string): string {
  return `SELECT owner, id FROM (
            SELECT ${spec.key} AS owner, r.id, r.sort_date,
                   row_number() OVER (PARTITION BY ${spec.key} ORDER BY r.sort_date DESC, r.id) AS rn
              FROM ${spec.from} WHERE ${[...where, ownedBy(spec, owners)].join(' AND ')}
          ) page WHERE rn <= ${limit} ORDER BY owner, rn`;
}

/**
 * Each owner's first `limit` rows, owner by owner. OFFSET 0 keeps the planner from walking the
 * whole listing index in date order in the hope of meeting an owner's few rows early (on the
 * scale-10 data that took seconds): each owner's rows come from the index on its key, and are then
 * sorted.
 */
function pageOfEach(each: (owner: string) => string, owners: string, where: readonly string[], limit: string): string {
  return `SELECT o.owner, page.id FROM unnest(${owners}::text[]) AS o(owner)
           CROSS JOIN LATERAL (
             SELECT mine.id, mine.sort_date FROM (
               SELECT r.id, r.sort_date FROM ${DB_SCHEMA}.resources r WHERE ${[...where, each('o.owner')].join(' AND ')} OFFSET 0
             ) mine ORDER BY mine.sort_date DESC, mine.id LIMIT ${limit}
           ) page
          ORDER BY o.owner, page.sort_date DESC, page.id`;
}

/**
 * The resources of `pages` (owner and id, each owner's page in listing order), read in the same
 * statement, in the same order.
 */
function withResources(pages: string, resources: RecordsReadAlong<ResourceEntity>): string {
  return `SELECT page.owner, ${resources.columns('r')} FROM (${pages}) page JOIN ${DB_SCHEMA}.resources r ON r.id = page.id
          ORDER BY page.owner, r.sort_date DESC, r.id`;
}

/**
 * A page of resources for each owner key: every key asked for with the same page arguments is
 * answered by one statement, the resources' rows with their pages, whatever the number of keys;
 * counts, only if asked for, by one more.
 */
export function createResourceListLoader(db: DataSource, spec: ListSpec, resources: RecordsReadAlong<ResourceEntity>) {
  const counts = new DataLoader<string, number>(async (owners) => {
    const p = new SqlParams();
    const rows = await p.raw<{ owner: string; count: string }>(
      db,
      `SELECT ${spec.key} AS owner, count(*) AS count FROM ${spec.from}
        WHERE r.archived_at IS NULL AND ${ownedBy(spec, p.add([...new Set(owners)]))} GROUP BY 1`,
    );
    const byOwner = new Map(rows.map((r) => [r.owner, Number(r.count)]));
    return owners.map((owner) => byOwner.get(owner) ?? 0);
  });

  return createArgsLoader<ListKey, Connection<ResourceEntity>>(async (keys) => {
    const pages = new Map<ListKey, ResourceEntity[]>();
    for (const group of groupByPageArgs(keys)) {
      const { first, after } = group[0];
      const p = new SqlParams();
      const where = ['r.archived_at IS NULL'];
      if (after) where.push(afterCursor(after, p));
      const owners = p.add([...new Set(group.map((k) => k.owner))]);
      const page = spec.each ? pageOfEach(spec.each, owners, where, p.add(first + 1)) : pageInOneWindow(spec, owners, where, p.add(first + 1));
      const rows = await p.raw<Record<string, unknown> & { owner: string }>(db, withResources(page, resources));
      const resourcesOf = new Map([...groupBy(rows, (row) => row.owner)].map(([owner, ownRows]) => [owner, ownRows.map((row) => resources.read(row))]));
      for (const key of group) pages.set(key, resourcesOf.get(key.owner) ?? []);
    }
    return keys.map((key) => toConnection(pages.get(key) ?? [], key.first, () => counts.load(key.owner), resourceSortKey));
  });
}
