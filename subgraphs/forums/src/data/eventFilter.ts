import { countryCode, invalid, type SqlParams } from '@nsc-hub/shared';
import type { EventFilter } from '../__generated__/resolvers-types';
import { DB_SCHEMA } from '../dbSchema';

const EARLIEST = '0001-01-01';

/**
 * SQL conditions (on alias `e`) for an EventFilter; every value is a parameter. A country or city
 * matches the events held there and those it took part in. `from`/`to` keep the events that
 * overlap the range, an event known only by its month or year counting until that period's end.
 */
export function eventConditions(filter: EventFilter | null | undefined, p: SqlParams): string[] {
  const where: string[] = [];
  if (!filter) return where;
  if (filter.forum) where.push(`e.forum_id = ${p.add(filter.forum)}`);
  if (filter.kind) where.push(`e.kind = ${p.add(filter.kind)}`);
  if (filter.country) {
    const code = p.add(countryCode(filter.country, 'filter.country'));
    where.push(`(e.country_code = ${code} OR EXISTS (SELECT 1 FROM ${DB_SCHEMA}.participations x WHERE x.event_id = e.id AND x.country_code = ${code}))`);
  }
  if (filter.city) {
    const city = p.add(filter.city);
    where.push(`(e.city_id = ${city} OR EXISTS (SELECT 1 FROM ${DB_SCHEMA}.participations x WHERE x.event_id = e.id AND x.city_id = ${city}))`);
  }
  for (const [field, date] of [['filter.from', filter.from], ['filter.to', filter.to]] as const) {
    if (date && date < EARLIEST) throw invalid(field, 'must be a date from year 1 on');
  }
  if (filter.from && filter.to && filter.from > filter.to) throw invalid('filter.to', 'must not be before from');
  if (filter.from) where.push(`e.last_day >= ${p.add(filter.from)}::date`);
  if (filter.to) where.push(`e.starts_on <= ${p.add(filter.to)}::date`);
  return where;
}

/** The filter as a loader key: only the fields that are set, in a fixed order. */
export function normaliseFilter(filter: EventFilter | null | undefined): EventFilter | null {
  if (!filter) return null;
  const keys = ['forum', 'kind', 'country', 'city', 'from', 'to'] as const;
  const set = keys.filter((k) => filter[k] !== null && filter[k] !== undefined);
  return set.length ? (Object.fromEntries(set.map((k) => [k, filter[k]])) as EventFilter) : null;
}
