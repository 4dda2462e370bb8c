import type { DataSource } from 'typeorm';
import { SqlParams, decodeCursor, encodeCursor, invalid, isCursorDate } from '@nsc-hub/shared';
import type { ResourceEntity } from '../entities/ResourceEntity';
import type { ResourceFilter } from '../__generated__/resolvers-types';
import type { Loaders } from '../loaders';
import { DB_SCHEMA } from '../dbSchema';
import { languageTag, resourceConditions } from './resourceFilter';

export interface SearchEdge {
  cursor: string;
  node: ResourceEntity;
  rank: number;
  highlight: string | null;
}

export interface SearchConnection {
  edges: SearchEdge[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number | (() => Promise<number>);
}

const MAX_QUERY_LENGTH = 200;
const HEADLINE = `'StartSel=<mark>, StopSel=</mark>, MinWords=10, MaxWords=30, MaxFragments=2, FragmentDelimiter=" … "'`;
const config = (language: string) => `${DB_SCHEMA}.text_search_config(${language})`;
/** Text escaped for HTML before the <mark> tags go in, so the highlight is safe to render as HTML. */
const escaped = (sql: string) => `replace(replace(replace(${sql}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;

/**
 * Full-text search over title and summary. The user's words go through websearch_to_tsquery,
 * which accepts any text (quotes, `-`, `or`, punctuation) without a syntax error. With a language
 * the query is read in that language; without one, each resource is matched in its own language
 * (title) and its summary's. Ranked with title matches above summary matches; equal ranks newest
 * first (by publication date), then by id. Pages are keyed on (rank, date, id), so they stay stable.
 *
 * A query in a language that comes down to one word, with no filter, is answered from
 * `search_terms` (see its migration): that word's resources already in this order, so only the page
 * is read, however many resources the word matches. Any other query ranks every match. Both give
 * the same ranks and the same order; one statement either way, which reads the hits' resources too.
 */
export async function searchResources(
  db: DataSource,
  loaders: Loaders,
  args: { query: string; language?: string | null; filter?: ResourceFilter | null; first: number; after?: string | null; highlight?: boolean },
): Promise<SearchConnection> {
  const text = args.query.trim();
  if (!text) throw invalid('query', 'must contain at least one word');
  if (text.length > MAX_QUERY_LENGTH) throw invalid('query', `must be at most ${MAX_QUERY_LENGTH} characters`);
  const cursor = decodeCursor(args.after, ['number', 'string', 'string']) as [number, string, string] | null;
  // Ranks are non-negative float4 values, dates calendar days; anything else was not handed out by this list.
  if (cursor && !(cursor[0] >= 0 && cursor[0] <= 3.4e38 && isCursorDate(cursor[1]))) throw invalid('after', 'is not a cursor this list handed out');

  const p = new SqlParams();
  const q = p.add(text);
  const language = args.language ? p.add(languageTag(args.language, 'language')) : undefined;
  const limit = p.add(args.first + 1);
  // Rows after the cursor in (rank DESC, date DESC, id) order, for the columns holding rank, date and id.
  const after = (rank: string, date: string, id: string) => {
    if (!cursor) return 'TRUE';
    const [r, d, i] = [p.add(cursor[0]), p.add(cursor[1]), p.add(cursor[2])];
    return `(${rank} < ${r}::real OR (${rank} = ${r}::real AND (${date} < ${d}::date OR (${date} = ${d}::date AND ${id} > ${i}))))`;
  };
  const columns = 'r.title, r.title_local, r.summary, r.language, r.summary_language';
  const matching = [...resourceConditions(args.filter, p), 'r.search_vector @@ q.query'];
  // With a language the query is one for all rows (q, below); without, each resource is read in its own languages.
  const from = language
    ? `${DB_SCHEMA}.resources r CROSS JOIN q`
    : `${DB_SCHEMA}.resources r CROSS JOIN LATERAL (SELECT websearch_to_tsquery(${config('r.language')}, ${q}) || websearch_to_tsquery(${config('coalesce(r.summary_language, r.language)')}, ${q}) AS query) q`;
  const rankEveryMatch = (only: string) => `
    SELECT r.id, ts_rank(r.search_vector, q.query) AS rank, r.sort_date, q.query, ${columns}
      FROM ${from}
     WHERE ${[only, ...matching, after('ts_rank(r.search_vector, q.query)', 'r.sort_date', 'r.id')].join(' AND ')}`;
  const countEveryMatch = (only: string) => `SELECT count(*) FROM ${from} WHERE ${[only, ...matching].join(' AND ')}`;
  // One plain word in a language, no filter: its page from search_terms. Anything else (several
  // words, a phrase, a negation, nothing left after stop words, a filter) ranks every match. A
  // one-time filter on `term` skips the branch not taken.
  const fromTerms = Boolean(language && !args.filter);
  const ONE_WORD = '(SELECT lexeme FROM term) IS NOT NULL';
  const matches = fromTerms
    ? `
      SELECT r.id, t.rank, t.sort_date, q.query, ${columns}
        FROM term CROSS JOIN q
        CROSS JOIN LATERAL (
          SELECT t.resource_id, t.rank, t.sort_date FROM ${DB_SCHEMA}.search_terms t
           WHERE t.lexeme = term.lexeme AND ${after('t.rank', 't.sort_date', 't.resource_id')}
           ORDER BY t.rank DESC, t.sort_date DESC, t.resource_id LIMIT ${limit}) t
        JOIN ${DB_SCHEMA}.resources r ON r.id = t.resource_id
      UNION ALL
      ${rankEveryMatch(`NOT ${ONE_WORD}`)}`
    : rankEveryMatch('TRUE');
  const queries = `
    q AS MATERIALIZED (SELECT ${language ? `websearch_to_tsquery(${config(language)}, ${q})` : 'NULL::tsquery'} AS query),
    -- The query's lexeme when it is one plain word (one node: no operator, and websearch_to_tsquery
    -- makes no prefix or weight); its text form is a one-lexeme tsvector's too.
    term AS MATERIALIZED (SELECT CASE WHEN numnode(query) = 1 THEN (tsvector_to_array(query::text::tsvector))[1] END AS lexeme FROM q)`;
  // Marking the matched words is the costliest part of a page (two headlines a hit): only when asked for.
  const highlight = `ts_headline(${config('m.language')}, ${escaped("concat_ws(' — ', m.title, m.title_local)")}, m.query, ${HEADLINE})
              || coalesce(' — ' || ts_headline(${config('coalesce(m.summary_language, m.language)')}, ${escaped('m.summary')}, m.query, ${HEADLINE}), '')`;
  // The page is cut before its resources are joined, so only the hits on it are read.
  const rows = await p.raw<Record<string, unknown> & { id: string; rank: number; sort_date: string; highlight: string | null }>(
    db,
    `WITH ${queries}, m AS (${matches})
     SELECT hit.*, ${loaders.resources.columns('r')}
       FROM (SELECT m.id, m.rank, m.sort_date::text AS sort_date, ${args.highlight === false ? 'NULL::text' : highlight} AS highlight
               FROM m
              ORDER BY m.rank DESC, m.sort_date DESC, m.id
              LIMIT ${limit}) hit
       JOIN ${DB_SCHEMA}.resources r ON r.id = hit.id
      ORDER BY hit.rank DESC, hit.sort_date::date DESC, hit.id`,
  );
  const edges = rows
    .slice(0, args.first)
    .map((row) => ({ cursor: encodeCursor([row.rank, row.sort_date, row.id]), node: loaders.resources.read(row), rank: row.rank, highlight: row.highlight }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount: async () => {
      const count = fromTerms
        ? `(SELECT count(*) FROM ${DB_SCHEMA}.search_terms t, term WHERE t.lexeme = term.lexeme) + (${countEveryMatch(`NOT ${ONE_WORD}`)})`
        : `(${countEveryMatch('TRUE')})`;
      const [{ total }] = await p.raw<{ total: string }>(db, `WITH ${queries} SELECT ${count} AS total`);
      return Number(total);
    },
  };
}
