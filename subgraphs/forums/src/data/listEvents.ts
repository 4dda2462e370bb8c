import type { DataSource } from 'typeorm';
import { SqlParams, decodeDateCursor, plainRowsOf, toConnection, type Connection } from '@nsc-hub/shared';
import { EventEntity } from '../entities/EventEntity';
import type { EventFilter } from '../__generated__/resolvers-types';
import { eventConditions, normaliseFilter } from './eventFilter';

export type EventCursor = readonly [string, string];

/** Newest first, ties by id. The cursor is the last row's (start date, id). */
export const eventSortKey = (e: Pick<EventEntity, 'startsOn' | 'id'>) => [e.startsOn, e.id];

export const decodeEventCursor = (after: string | null | undefined): EventCursor | null => decodeDateCursor(after);

/** `(starts_on, id)` after the cursor in newest-first order, on alias `e`. */
export function afterCursor(cursor: EventCursor, p: SqlParams): string {
  const date = p.add(cursor[0]);
  return `(e.starts_on < ${date}::date OR (e.starts_on = ${date}::date AND e.id > ${p.add(cursor[1])}))`;
}

/** One page of `Query.events`; the total is counted only if the client asks for it. */
export async function listEvents(db: DataSource, filter: EventFilter | null | undefined, first: number, after: string | null | undefined): Promise<Connection<EventEntity>> {
  const cursor = decodeEventCursor(after);
  const p = new SqlParams();
  const where = ['TRUE', ...eventConditions(normaliseFilter(filter), p)];
  const matching = () => db.getRepository(EventEntity).createQueryBuilder('e').where(where.join(' AND '), p.params);
  const page = matching();
  if (cursor) page.andWhere(afterCursor(cursor, p), p.params);
  const rows = await plainRowsOf(db, EventEntity, page.orderBy('e.startsOn', 'DESC').addOrderBy('e.id', 'ASC').limit(first + 1), 'e');
  return toConnection(rows, first, () => matching().getCount(), eventSortKey);
}
