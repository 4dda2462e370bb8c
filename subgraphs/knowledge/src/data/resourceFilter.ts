import { countryCode, invalid, type SqlParams } from '@nsc-hub/shared';
import type { ResourceFilter } from '../__generated__/resolvers-types';
import { DB_SCHEMA } from '../dbSchema';

/** The sentinel sort date of resources with no known publication date (they sort last). */
export const UNDATED = '0001-01-01';

/** Names of languages, to tell a known one: made once, as making one costs more than a search's own work here. */
const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** A language tag as clients may give it: checked and put in canonical form (`NB` → `nb`). */
export function languageTag(value: string, field: string): string {
  let canonical: string;
  try {
    [canonical] = Intl.getCanonicalLocales(value.trim());
  } catch {
    throw invalid(field, `"${value}" is not a BCP 47 language tag such as da, sv or en`);
  }
  const primary = canonical.split('-')[0];
  const known = LANGUAGE_NAMES.of(primary);
  if (!known || primary.length > 3) throw invalid(field, `"${value}" is not a known language`);
  return canonical;
}

/**
 * SQL conditions (on alias `r`) for a ResourceFilter. Archived resources never match: they leave
 * lists and search, and are only reachable by id. Every value is a parameter.
 */
export function resourceConditions(filter: ResourceFilter | null | undefined, p: SqlParams): string[] {
  const where = ['r.archived_at IS NULL'];
  if (!filter) return where;
  if (filter.kind) where.push(`r.kind = ${p.add(filter.kind)}`);
  if (filter.language) where.push(`${p.add(languageTag(filter.language, 'filter.language'))} = ANY(r.languages)`);
  if (filter.topic) {
    where.push(`EXISTS (SELECT 1 FROM ${DB_SCHEMA}.resource_topics t WHERE t.resource_id = r.id AND t.topic_id = ${p.add(filter.topic)})`);
  }
  if (filter.audience) where.push(`${p.add(filter.audience)} = ANY(r.audiences)`);
  if (filter.country) where.push(`${p.add(countryCode(filter.country, 'filter.country'))} = ANY(r.country_codes)`);
  if (filter.city) where.push(`${p.add(filter.city)} = ANY(r.city_ids)`);
  if (filter.publisher) where.push(`r.publisher_id = ${p.add(filter.publisher)}`);
  for (const [field, date] of [['filter.publishedFrom', filter.publishedFrom], ['filter.publishedTo', filter.publishedTo]] as const) {
    if (date && date < '0001-01-01') throw invalid(field, 'must be a date from year 1 on');
  }
  if (filter.publishedFrom && filter.publishedTo && filter.publishedFrom > filter.publishedTo) {
    throw invalid('filter.publishedTo', 'must not be before publishedFrom');
  }
  if (filter.publishedFrom) where.push(`r.sort_date >= ${p.add(filter.publishedFrom)}`);
  if (filter.publishedTo) where.push(`r.sort_date <= ${p.add(filter.publishedTo)} AND r.sort_date > ${p.add(UNDATED)}`);
  return where;
}
