import type { DataSource } from 'typeorm';
import { SqlParams, createArgsLoader, groupByPageArgs, plainRowsIn, toConnection, type Connection } from '@nsc-hub/shared';
import { EventEntity } from '../entities/EventEntity';
import type { EventFilter } from '../__generated__/resolvers-types';
import { DB_SCHEMA } from '../dbSchema';
import { afterCursor, eventSortKey, type EventCursor } from '../data/listEvents';
import { eventConditions } from '../data/eventFilter';

/** How the events of one owner key are found: a FROM clause and the key expression (alias `e`). */
export interface ListSpec {
  readonly from: string;
  readonly key: string;
}

/** A forum's events; a city's events: held there or with the city taking part. */
export const LIST_SPECS = {
  forum: { from: `${DB_SCHEMA}.events e`, key: 'e.forum_id' },
  city: {
    from: `${DB_SCHEMA}.events e JOIN (
             SELECT id AS event_id, city_id AS owner FROM ${DB_SCHEMA}.events WHERE city_id IS NOT NULL
             UNION SELECT event_id, city_id FROM ${DB_SCHEMA}.participations WHERE city_id IS NOT NULL
           ) k ON k.event_id = e.id`,
    key: 'k.owner',
  },
} as const satisfies Record<string, ListSpec>;

export interface ListKey {
  readonly owner: string;
  /** Normalised (see normaliseFilter), so equal filters make equal keys. */
  readonly filter: EventFilter | null;
  readonly first: number;
  readonly after: EventCursor | null;
}

/**
 * A page of events for each owner key: every key asked for with the same filter and page
 * arguments is answered by one statement (a window per key) plus one for the rows themselves,
 * whatever the number of keys; counts, only if asked for, by one more per filter. The rows are
 * fetched here rather than through the request's event loader, so the cost does not depend on
 * whether other fields' event lookups happen to fall into the same batch.
 */
export function createEventListLoader(db: DataSource, spec: ListSpec) {
  const counts = createArgsLoader<{ owner: string; filter: EventFilter | null }, number>(async (keys) => {
    const counted = new Map<string, number>();
    for (const group of groupByPageArgs(keys)) {
      const p = new SqlParams();
      const where = [`${spec.key} = ANY(${p.add([...new Set(group.map((k) => k.owner))])})`, ...eventConditions(group[0].filter, p)];
      const rows = await p.raw<{ owner: string; count: string }>(db, `SELECT ${spec.key} AS owner, count(*) AS count FROM ${spec.from} WHERE ${where.join(' AND ')} GROUP BY 1`);
      for (const key of group) counted.set(JSON.stringify(key), Number(rows.find((r) => r.owner === key.owner)?.count ?? 0));
    }
    return keys.map((key) => counted.get(JSON.stringify(key)) ?? 0);
  });

  return createArgsLoader<ListKey, Connection<EventEntity>>(async (keys) => {
    const pages = new Map<ListKey, EventEntity[]>();
    for (const group of groupByPageArgs(keys)) {
      const { filter, first, after } = group[0];
      const p = new SqlParams();
      const where = [`${spec.key} = ANY(${p.add(group.map((k) => k.owner))})`, ...eventConditions(filter, p)];
      if (after) where.push(afterCursor(after, p));
      const rows = await p.raw<{ owner: string; id: string }>(
        db,
        `SELECT owner, id FROM (
           SELECT ${spec.key} AS owner, e.id,
                  row_number() OVER (PARTITION BY ${spec.key} ORDER BY e.starts_on DESC, e.id) AS rn
             FROM ${spec.from} WHERE ${where.join(' AND ')}
         ) page WHERE rn <= ${p.add(first + 1)} ORDER BY owner, rn`,
      );
      const events = rows.length ? await plainRowsIn(db, EventEntity, 'id', [...new Set(rows.map((r) => r.id))]) : [];
      const byId = new Map(events.map((e) => [e.id, e]));
      for (const key of group) {
        pages.set(
          key,
          rows.filter((r) => r.owner === key.owner).map((r) => byId.get(r.id) ?? invariantVanished(r.id)),
        );
      }
    }
    return keys.map((key) => toConnection(pages.get(key) ?? [], key.first, () => counts.load({ owner: key.owner, filter: key.filter }), eventSortKey));
  });
}

function invariantVanished(id: string): never {
  throw new Error(`listed event ${id} vanished between two statements of one request`);
}
