import type { DataSource } from 'typeorm';
import { SqlParams, decodeDateCursor, plainRowsOf, toConnection, type Connection } from '@nsc-hub/shared';
import { ResourceEntity } from '../entities/ResourceEntity';
import type { ResourceFilter } from '../__generated__/resolvers-types';
import { resourceConditions } from './resourceFilter';

/** Newest first; undated resources last; ties by id. The cursor is the last row's (sort date, id). */
export const resourceSortKey = (r: Pick<ResourceEntity, 'sortDate' | 'id'>) => [r.sortDate, r.id];

export type ResourceCursor = readonly [string, string];

/** A cursor this list handed out: (sort date, id), the date a real one, so SQL never sees a bad date. */
export const decodeResourceCursor = (after: string | null | undefined): ResourceCursor | null => decodeDateCursor(after);

/** `(sort_date, id)` after the cursor in newest-first order, on alias `r`. */
export function afterCursor(cursor: ResourceCursor, p: SqlParams): string {
  const date = p.add(cursor[0]);
  return `(r.sort_date < ${date}::date OR (r.sort_date = ${date}::date AND r.id > ${p.add(cursor[1])}))`;
}

/** One page of `Query.resources`; the total is counted only if the client asks for it. */
export async function listResources(
  db: DataSource,
  filter: ResourceFilter | null | undefined,
  first: number,
  after: string | null | undefined,
): Promise<Connection<ResourceEntity>> {
  const cursor = decodeResourceCursor(after);
  const p = new SqlParams();
  const where = resourceConditions(filter, p);
  const matching = () => db.getRepository(ResourceEntity).createQueryBuilder('r').where(where.join(' AND '), p.params);
  const page = matching();
  if (cursor) page.andWhere(afterCursor(cursor, p), p.params);
  const rows = await plainRowsOf(db, ResourceEntity, page.orderBy('r.sortDate', 'DESC').addOrderBy('r.id', 'ASC').limit(first + 1), 'r');
  return toConnection(rows, first, () => matching().getCount(), resourceSortKey);
}
