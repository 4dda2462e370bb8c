import { Brackets, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { collate, containsPattern, countryCode, decodeNameCursor, invalid, nameCursorKey, plainRowsOf, toConnection, type Connection, type OrderLocale } from '@nsc-hub/shared';
import { CityEntity } from '../entities/CityEntity';
import { DB_SCHEMA } from '../dbSchema';
import type { CityFilter } from '../__generated__/resolvers-types';

function applyFilter(qb: SelectQueryBuilder<CityEntity>, filter: CityFilter | null | undefined): SelectQueryBuilder<CityEntity> {
  if (!filter) return qb;
  if (filter.country) qb.andWhere('c.country_code = :country', { country: countryCode(filter.country, 'filter.country') });
  if (filter.network || filter.status) {
    const conditions = ['m.city_id = c.id'];
    if (filter.network) conditions.push('m.network_id = :network');
    if (filter.status) conditions.push('m.status = :status');
    qb.andWhere(`EXISTS (SELECT 1 FROM ${DB_SCHEMA}.memberships m WHERE ${conditions.join(' AND ')})`, {
      network: filter.network,
      status: filter.status,
    });
  }
  if (filter.nameContains !== undefined && filter.nameContains !== null) {
    const text = filter.nameContains.trim();
    if (text.length > 100) throw invalid('filter.nameContains', 'must be at most 100 characters');
    if (text) {
      qb.andWhere(
        new Brackets((w) => w.where("c.name ILIKE :pattern ESCAPE '\\'").orWhere("c.native_name ILIKE :pattern ESCAPE '\\'")),
        { pattern: containsPattern(text) },
      );
    }
  }
  return qb;
}

/**
 * One page of cities by name, in the alphabetical order of `locale` (ties by id); the cursor
 * carries the order. The total is counted only if the client asks for it.
 */
export async function findCities(
  db: DataSource,
  filter: CityFilter | null | undefined,
  first: number,
  after: string | null | undefined,
  locale: OrderLocale,
): Promise<Connection<CityEntity>> {
  const cursor = decodeNameCursor(after, locale);
  const order = collate(locale);
  const base = () => applyFilter(db.getRepository(CityEntity).createQueryBuilder('c'), filter);
  const page = base();
  if (cursor) page.andWhere(`(c.name ${order} > :name ${order} OR (c.name = :name AND c.id > :id))`, { name: cursor[0], id: cursor[1] });
  const rows = await plainRowsOf(db, CityEntity, page.orderBy(`c.name ${order}`).addOrderBy('c.id', 'ASC').limit(first + 1), 'c');
  return toConnection(rows, first, () => base().getCount(), (c) => nameCursorKey(locale, c.name, c.id));
}
