// A one-word search in a language reads its page from knowledge.search_terms (each lexeme's
// resources kept in answer order) instead of ranking every match, so it takes as long for a word
// that matches thousands as for one that matches three. It must answer exactly what ranking every
// match answers: the same resources, ranks and order (rank, then newest, then id) on every page,
// and the same total, for the commonest words of six languages (hundreds of matches, most of them
// tied), rarer words, a word only summaries hold, a stop word and several words (which rank every
// match); and still so after the resources are retitled, archived, deleted and added to, which the
// terms follow by trigger within the writing statement.
import { Faker, base, en } from '@faker-js/faker';
import type { DataSource } from 'typeorm';
import type { GraphQLResponse } from '@nsc-hub/shared/src/testing';
import { LANGUAGES, VOCABULARY } from '../bench/lib/vocabulary';
import { startHub, type RunningHub } from './helpers/startHub';

let hub: RunningHub;
let db: DataSource;
const faker = new Faker({ locale: [en, base], seed: 20261207 });

/** Resources in six languages with titles and summaries from each one's words: its first word in every third title. */
function generatedResources(count: number, prefix: string) {
  return Array.from({ length: count }, (_, i) => {
    const language = LANGUAGES[i % LANGUAGES.length];
    const words = VOCABULARY[language];
    const title = faker.helpers.arrayElements(words.slice(1, 12), { min: 2, max: 5 });
    if (i % 3 === 0) title.push(words[0]);
    // Summaries only ever hold the last word: a word no title has.
    const summary = [...faker.helpers.arrayElements(words.slice(12, -1), { min: 4, max: 10 }), ...(i % 7 === 0 ? [words.at(-1)!] : [])];
    const year = faker.number.int({ min: 2015, max: 2024 });
    // Half with a year alone, so many share a date and ranks tie on the date too.
    const publishedOn = faker.datatype.boolean() ? `${year}-0${faker.number.int({ min: 1, max: 9 })}-1${faker.number.int(9)}` : null;
    return { id: `${prefix}-${i}`, language, title: title.join(' '), summary: `${summary.join(' ')}.`, year, publishedOn };
  });
}

async function insert(rows: ReturnType<typeof generatedResources>): Promise<void> {
  await db.query(
    `INSERT INTO knowledge.resources (id, title, summary, kind, language, languages, owner, published_year, published_on)
     SELECT id, title, summary, 'GUIDELINE', language, ARRAY[language], 'SECRETARIAT', year, published_on
       FROM json_to_recordset($1::json) AS r(id text, title text, summary text, language text, year int, published_on date)`,
    [JSON.stringify(rows.map((r) => ({ ...r, published_on: r.publishedOn })))],
  );
}

interface Hit {
  readonly id: string;
  readonly rank: number;
}

interface SearchConnection {
  readonly totalCount: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly edges: readonly { readonly rank: number; readonly node: { readonly id: string } }[];
}

/** Ranking every match, as search did before it had search_terms, in the order it states. */
async function rankingEveryMatch(word: string, language: string, first: number): Promise<{ hits: Hit[]; total: number }> {
  const matches = `FROM knowledge.resources r, websearch_to_tsquery(knowledge.text_search_config($2), $1) q WHERE r.archived_at IS NULL AND r.search_vector @@ q`;
  const hits = await db.query(`SELECT r.id, ts_rank(r.search_vector, q) AS rank ${matches} ORDER BY rank DESC, r.sort_date DESC, r.id LIMIT $3`, [word, language, first]);
  const [{ total }] = await db.query(`SELECT count(*)::int AS total ${matches}`, [word, language]);
  return { hits: hits.map((h: { id: string; rank: number }) => ({ id: h.id, rank: h.rank })), total };
}

const SEARCH = `query ($query: String!, $language: String, $first: Int, $after: String) {
  searchResources(query: $query, language: $language, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { rank node { id } }
  }
}`;

/** The first `pages` pages of `size` hits through the hub, following endCursor, and the total. */
async function searchPages(word: string, language: string, size: number, pages: number): Promise<{ hits: Hit[]; total: number }> {
  const hits: Hit[] = [];
  let after: string | null = null;
  let total = 0;
  for (let page = 0; page < pages; page++) {
    const res: GraphQLResponse = await hub.query(SEARCH, { query: word, language, first: size, after });
    expect(res.errors).toBeUndefined();
    const connection: SearchConnection = res.data!.searchResources;
    total = connection.totalCount;
    hits.push(...connection.edges.map((e) => ({ id: e.node.id, rank: e.rank })));
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  return { hits, total };
}

/** For every language: its commonest word, a rarer one, the summaries-only one, a stop word, and two words at once. */
const WORDS = LANGUAGES.flatMap((language) => {
  const words = VOCABULARY[language];
  return [[words[0], language], [words[5], language], [words.at(-1)!, language], [`${words[0]} ${words[3]}`, language]] as const;
}).concat([['og', 'da'], ['och', 'sv']]);

async function expectEveryWordAnsweredAsRankingEveryMatch(): Promise<void> {
  for (const [word, language] of WORDS) {
    const expected = await rankingEveryMatch(word, language, 30);
    // The top 20 in one page, and the top 30 in pages of 7 (cursors through tied ranks and dates).
    const top20 = await searchPages(word, language, 20, 1);
    const paged = await searchPages(word, language, 7, 5);
    expect({ word, language, top20: top20.hits, total: top20.total }).toEqual({ word, language, top20: expected.hits.slice(0, 20), total: expected.total });
    expect({ word, language, paged: paged.hits.slice(0, 30) }).toEqual({ word, language, paged: expected.hits });
  }
}

beforeAll(async () => {
  hub = await startHub({ gateway: { responseCache: { store: 'off' } } });
  db = hub.subgraphs.knowledge.dataSource;
  await insert(generatedResources(1800, 'gen'));
}, 120_000);
afterAll(() => hub?.stop());

test('the words asked match many resources with tied ranks, a few, and none', async () => {
  const counts = await Promise.all(WORDS.map(async ([word, language]) => (await rankingEveryMatch(word, language, 1000)).hits));
  const common = counts[0];
  expect(common.length).toBeGreaterThan(80);
  // Most of the commonest word's matches share a rank with another: the order among them is the date's and the id's.
  expect(new Set(common.map((h) => h.rank)).size).toBeLessThan(common.length / 4);
  expect(counts.some((hits) => hits.length > 0 && hits.length < 60)).toBe(true);
  expect(counts.at(-1)).toEqual([]);
});

test('every word is answered as ranking every match answers it: top 20, pages, total', async () => {
  await expectEveryWordAnsweredAsRankingEveryMatch();
});

test('the terms follow retitled, archived, deleted and new resources within the writing statement', async () => {
  const words = VOCABULARY.da;
  // Retitled: the commonest Danish word leaves some titles and comes into others.
  await db.query(`UPDATE knowledge.resources SET title = $1 WHERE id IN (SELECT id FROM knowledge.resources WHERE id LIKE 'gen-%' AND language = 'da' ORDER BY id LIMIT 40)`, [`${words[1]} ${words[2]}`]);
  await db.query(`UPDATE knowledge.resources SET title = title || ' ' || $1 WHERE id IN (SELECT id FROM knowledge.resources WHERE id LIKE 'gen-%' AND language = 'da' ORDER BY id DESC LIMIT 40)`, [words[0]]);
  // Archived, dated anew, and a change that leaves what is searched alone.
  await db.query(`UPDATE knowledge.resources SET archived_at = now() WHERE id IN (SELECT id FROM knowledge.resources WHERE id LIKE 'gen-%' ORDER BY md5(id) LIMIT 60)`);
  await db.query(`UPDATE knowledge.resources SET published_on = NULL, published_year = 2026 WHERE id IN (SELECT id FROM knowledge.resources WHERE id LIKE 'gen-%' ORDER BY md5(id) DESC LIMIT 60)`);
  await db.query(`UPDATE knowledge.resources SET version = version + 1 WHERE id LIKE 'gen-%'`);
  // Deleted (nothing in the hub deletes a resource, but the terms must not outlive one), and new ones.
  await db.query(`DELETE FROM knowledge.resource_topics WHERE resource_id IN (SELECT id FROM knowledge.resources WHERE id LIKE 'gen-1_')`);
  await db.query(`DELETE FROM knowledge.resources WHERE id LIKE 'gen-1_'`);
  await insert(generatedResources(300, 'more'));

  await expectEveryWordAnsweredAsRankingEveryMatch();
  const [{ orphans }] = await db.query(`SELECT count(*)::int AS orphans FROM knowledge.search_terms t LEFT JOIN knowledge.resources r ON r.id = t.resource_id AND r.archived_at IS NULL WHERE r.id IS NULL`);
  expect(orphans).toBe(0);
});
