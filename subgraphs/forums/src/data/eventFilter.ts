import { countryCode, invalid, type SqlParams } from '@nsc-hub/shared';
import type { EventFilter } from '../__generated__/resolvers-types';
import { DB_SCHEMA } from '../dbSchema';

const EARLIEST = '0001-01-01';
const FIELDS = ['forum', 'kind', 'country', 'city', 'from', 'to'] as const;

/**
 * Checks a filter and puts it in canonical form (country codes upper-case, city ids lower-case; only the fields that
 * are set, in a fixed order, so equal filters make equal loader keys). Called per field, before
 * any batching: a bad filter fails its own list, not the other lists of the request.
 */
export function normaliseFilter(filter: EventFilter | null | undefined): EventFilter | null {
  if (!filter) return null;
  const set = FIELDS.filter((k) => filter[k] !== null && filter[k] !== undefined);
  if (set.length === 0) return null;
  const normal = Object.fromEntries(set.map((k) => [k, filter[k]])) as EventFilter;
  if (normal.country) normal.country = countryCode(normal.country, 'filter.country');
  if (normal.city) normal.city = normal.city.trim().toLowerCase();
  for (const field of ['from', 'to'] as const) {
    const date = normal[field];
    if (date && date < EARLIEST) throw invalid(`filter.${field}`, 'must be a date from year 1 on');
  }
  if (normal.from && normal.to && normal.from > normal.to) throw invalid('filter.to', 'must not be before from');
  return normal;
}

/**
 * SQL conditions (on alias `e`) for a filter that normaliseFilter has checked; every value is a
 * parameter. A country or city matches the events held there and those it took part in.
 * `from`/`to` keep the events that overlap the range, an event known only by its month or year
 * counting until that period's end.
 */
export function eventConditions(filter: EventFilter | null, p: SqlParams): string[] {
  const where: string[] = [];
  if (!filter) return where;
  if (filter.forum) where.push(`e.forum_id = ${p.add(filter.forum)}`);
  if (filter.kind) where.push(`e.kind = ${p.add(filter.kind)}`);
  if (filter.country) {
    const code = p.add(filter.country);
    where.push(`(e.country_code = ${code} OR EXISTS (SELECT 1 FROM ${DB_SCHEMA}.participations x WHERE x.event_id = e.id AND x.country_code = ${code}))`);
  }
  if (filter.city) {
    const city = p.add(filter.city);
    where.push(`(e.city_id = ${city} OR EXISTS (SELECT 1 FROM ${DB_SCHEMA}.participations x WHERE x.event_id = e.id AND x.city_id = ${city}))`);
  }
  if (filter.from) where.push(`e.last_day >= ${p.add(filter.from)}::date`);
  if (filter.to) where.push(`e.starts_on <= ${p.add(filter.to)}::date`);
  return where;
}
