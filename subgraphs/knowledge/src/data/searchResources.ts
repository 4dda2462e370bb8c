import type { DataSource } from 'typeorm';
import { SqlParams, decodeCursor, encodeCursor, invalid } from '@nsc-hub/shared';
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
 * (title) and its summary's. Ranked with title matches above summary matches; pages are keyed on
 * (rank, id), so they stay stable.
 */
export async function searchResources(
  db: DataSource,
  loaders: Loaders,
  args: { query: string; language?: string | null; filter?: ResourceFilter | null; first: number; after?: string | null },
): Promise<SearchConnection> {
  const text = args.query.trim();
  if (!text) throw invalid('query', 'must contain at least one word');
  if (text.length > MAX_QUERY_LENGTH) throw invalid('query', `must be at most ${MAX_QUERY_LENGTH} characters`);
  const cursor = decodeCursor(args.after, ['number', 'string']) as [number, string] | null;
  // Ranks are non-negative float4 values; anything else was not handed out by this list.
  if (cursor && !(cursor[0] >= 0 && cursor[0] <= 3.4e38)) throw invalid('after', 'is not a cursor this list handed out');

  const p = new SqlParams();
  const q = p.add(text);
  const tsquery = args.language
    ? `websearch_to_tsquery(${config(p.add(languageTag(args.language, 'language')))}, ${q})`
    : `(websearch_to_tsquery(${config('r.language')}, ${q}) || websearch_to_tsquery(${config('coalesce(r.summary_language, r.language)')}, ${q}))`;
  const where = [...resourceConditions(args.filter, p), 'r.search_vector @@ q.query'];
  const matches = `
    SELECT r.id, ts_rank(r.search_vector, q.query) AS rank, q.query, r.title, r.title_local, r.summary, r.language, r.summary_language
      FROM ${DB_SCHEMA}.resources r CROSS JOIN LATERAL (SELECT ${tsquery} AS query) q
     WHERE ${where.join(' AND ')}`;
  const keyset = cursor ? `WHERE m.rank < ${p.add(cursor[0])}::real OR (m.rank = ${p.add(cursor[0])}::real AND m.id > ${p.add(cursor[1])})` : '';
  const rows = await p.raw<{ id: string; rank: number; highlight: string | null }>(
    db,
    `WITH m AS (${matches})
     SELECT m.id, m.rank,
            ts_headline(${config('m.language')}, ${escaped("concat_ws(' — ', m.title, m.title_local)")}, m.query, ${HEADLINE})
              || coalesce(' — ' || ts_headline(${config('coalesce(m.summary_language, m.language)')}, ${escaped('m.summary')}, m.query, ${HEADLINE}), '') AS highlight
       FROM m ${keyset}
      ORDER BY m.rank DESC, m.id
      LIMIT ${p.add(args.first + 1)}`,
  );
  const page = rows.slice(0, args.first);
  const nodes = await loaders.resourceById.loadMany(page.map((r) => r.id));
  const edges = page.map((row, i) => {
    const node = nodes[i];
    if (node instanceof Error) throw node;
    if (!node) throw new Error(`search hit ${row.id} vanished`);
    return { cursor: encodeCursor([row.rank, row.id]), node, rank: row.rank, highlight: row.highlight };
  });
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount: async () => {
      const [{ count }] = await p.raw<{ count: string }>(db, `SELECT count(*) AS count FROM (${matches}) m`);
      return Number(count);
    },
  };
}
