// Analysts find resources by words in their own language: Danish "forebyggelse" finds
// "forebyggende", Swedish "förebyggande" finds "förebygga"; title matches rank first, matched
// words are marked, filters narrow the hits, pages are stable, and no typed text breaks the search.
import type { DataSource } from 'typeorm';
import { errorCodes, type GraphQLResponse } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from './helpers/startHub';

let hub: RunningHub;
let db: DataSource;

const FIXTURES = [
  { id: 'fx-da', language: 'da', title: 'Forebyggende indsats i boligområder', summary: 'Erfaringer med lokalt samarbejde mellem kommune og politi.' },
  { id: 'fx-sv', language: 'sv', title: 'Att förebygga våldsbejakande extremism i skolan', summary: 'Stöd för rektorer och lärare.' },
  { id: 'fx-no', language: 'no', title: 'Veileder: slik kan kommunen forebygge radikalisering', summary: 'Råd til SLT-koordinatorer.' },
  { id: 'fx-fi', language: 'fi', title: 'Väkivaltaisen radikalisoitumisen ehkäisyn toimintamalli', summary: 'Opas kunnille.' },
  { id: 'fx-is', language: 'is', title: 'Forvarnir gegn ofbeldisfullri öfgahyggju', summary: 'Leiðbeiningar fyrir sveitarfélög.' },
  { id: 'fx-en-title', language: 'en', title: 'Mentoring young people who leave extremist groups', summary: 'A practical handbook.' },
  { id: 'fx-en-summary', language: 'en', title: 'Exit work handbook', summary: 'Covers mentoring, family support and follow-up.' },
];

beforeAll(async () => {
  hub = await startHub();
  db = hub.subgraphs.knowledge.dataSource;
  for (const f of FIXTURES) {
    await db.query(
      `INSERT INTO knowledge.resources (id, title, summary, kind, language, languages, owner, published_year)
       VALUES ($1, $2, $3, 'GUIDELINE', $4, ARRAY[$4], 'SECRETARIAT', 2022)`,
      [f.id, f.title, f.summary, f.language],
    );
  }
});
afterAll(() => hub?.stop());

interface Hit {
  rank: number;
  highlight: string | null;
  cursor: string;
  node: { id: string; publishedOn: string | null; publishedYear: number | null };
}

const SEARCH = `query ($query: String!, $language: String, $filter: ResourceFilter, $first: Int, $after: String) {
  searchResources(query: $query, language: $language, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor rank highlight node { id publishedOn publishedYear } }
  }
}`;

async function search(variables: Record<string, unknown>): Promise<{ res: GraphQLResponse; hits: Hit[]; ids: string[] }> {
  const res = await hub.query(SEARCH, { first: 100, ...variables });
  const hits: Hit[] = res.data?.searchResources?.edges ?? [];
  return { res, hits, ids: hits.map((h) => h.node.id) };
}

describe.each([
  ['Danish', 'da', 'forebyggelse', 'fx-da', 'Forebyggende'],
  ['Swedish', 'sv', 'förebyggande', 'fx-sv', 'förebygga'],
  ['Norwegian', 'no', 'forebyggende', 'fx-no', 'forebygge'],
  ['Finnish', 'fi', 'ehkäisy', 'fx-fi', 'ehkäisyn'],
  ['English', 'en', 'mentors', 'fx-en-title', 'Mentoring'],
])('%s', (_name, language, query, expected, marked) => {
  test(`"${query}" finds "${marked}" and marks it`, async () => {
    const { res, hits } = await search({ query, language });
    expect(res.errors).toBeUndefined();
    const hit = hits.find((h) => h.node.id === expected);
    expect(hit).toBeDefined();
    expect(hit?.rank).toBeGreaterThan(0);
    expect(hit?.highlight).toContain(`<mark>${marked}</mark>`);
  });

  test(`"${query}" without a language still finds it, each resource read in its own language`, async () => {
    const { ids } = await search({ query });
    expect(ids).toContain(expected);
  });
});

test('Icelandic, which has no stemmer, is matched word for word', async () => {
  expect((await search({ query: 'forvarnir', language: 'is' })).ids).toEqual(['fx-is']);
  expect((await search({ query: 'forvarnir' })).ids).toEqual(['fx-is']);
});

test('a match in the title outranks a match only in the summary', async () => {
  const { hits } = await search({ query: 'mentoring', language: 'en' });
  const title = hits.find((h) => h.node.id === 'fx-en-title');
  const summary = hits.find((h) => h.node.id === 'fx-en-summary');
  expect(title && summary).toBeTruthy();
  expect(title!.rank).toBeGreaterThan(summary!.rank);
  expect(hits.indexOf(title!)).toBeLessThan(hits.indexOf(summary!));
  expect(summary!.highlight).toContain('<mark>mentoring</mark>');
});

/** The date equal ranks are ordered by: publication date, else 1 January of its year, undated last. */
const sortDate = (hit: Hit) => hit.node.publishedOn ?? (hit.node.publishedYear ? `${hit.node.publishedYear}-01-01` : '0001-01-01');

test.each([
  ['every resource in its own language', { query: 'extremism' }],
  ['in one language, one word', { query: 'extremism', language: 'en' }],
])('results come best first, equal ranks newest first, then by id (%s)', async (_label, variables) => {
  const { hits } = await search(variables);
  expect(hits.length).toBeGreaterThan(5);
  for (let i = 1; i < hits.length; i += 1) {
    const [a, b] = [hits[i - 1], hits[i]];
    const inOrder = a.rank > b.rank || (a.rank === b.rank && (sortDate(a) > sortDate(b) || (sortDate(a) === sortDate(b) && a.node.id < b.node.id)));
    expect({ a: [a.rank, sortDate(a), a.node.id], b: [b.rank, sortDate(b), b.node.id], inOrder }).toEqual(expect.objectContaining({ inOrder: true }));
  }
});

test('filters combine with search', async () => {
  const all = await search({ query: 'forebyggelse', language: 'da' });
  expect(all.ids).toEqual(expect.arrayContaining(['dk-action-plan-2009', 'dk-action-plan-2014', 'dk-action-plan-2016', 'fx-da']));
  const plansSince2010 = await search({ query: 'forebyggelse', language: 'da', filter: { kind: 'ACTION_PLAN', publishedFrom: '2010-01-01' } });
  expect(plansSince2010.ids.sort()).toEqual(['dk-action-plan-2014', 'dk-action-plan-2016']);
  expect(plansSince2010.res.data?.searchResources.totalCount).toBe(2);
  const ssp = await search({ query: 'SSP', filter: { country: 'DK', topic: 'ssp', language: 'da' } });
  expect(ssp.ids.sort()).toEqual(['dk-action-plan-2009', 'dkr-ssp-guide-2012', 'vive-ssp-2019']);
  const none = await search({ query: 'SSP', filter: { country: 'NO', topic: 'ssp' } });
  expect(none.ids).toEqual([]);
});

test('pages through all hits once, in the same order as one big page', async () => {
  const whole = await search({ query: 'extremism' });
  const total = whole.res.data?.searchResources.totalCount;
  expect(total).toBe(whole.ids.length);
  const paged: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page += 1) {
    const { res, ids } = await search({ query: 'extremism', first: 3, after });
    paged.push(...ids);
    const info = res.data?.searchResources.pageInfo;
    if (!info.hasNextPage) break;
    after = info.endCursor;
  }
  expect(paged).toEqual(whole.ids);
  expect(new Set(paged).size).toBe(paged.length);
});

test.each([
  ['an empty query', { query: '' }, /query/],
  ['a query of spaces', { query: '   \t ' }, /query/],
  ['a query of 201 characters', { query: 'a'.repeat(201) }, /at most 200/],
  ['a language that is not one', { query: 'exit', language: 'xx-notalanguage-tag!' }, /language/],
  ['a cursor that is not one', { query: 'exit', after: 'garbage' }, /after/],
  ['more than 100 per page', { query: 'exit', first: 101 }, /first/],
])('%s is BAD_USER_INPUT', async (_label, variables, message) => {
  const { res } = await search(variables);
  expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  expect(res.data).toEqual({ searchResources: null });
  expect(res.errors?.[0].message).toMatch(message);
});

test.each([
  '"',
  "'",
  '((',
  ')',
  '&',
  '|',
  '!',
  ':*',
  '<->',
  '\\',
  '-',
  'or',
  '"unclosed quote',
  'exit & | ! youth',
  "'; DROP TABLE knowledge.resources; --",
  '%_%',
  'ä ö å æ ø',
  '🙂',
  'the and of',
])('typed text %j never causes an error', async (query) => {
  const { res } = await search({ query });
  expect(res.status).toBe(200);
  expect(res.errors).toBeUndefined();
  expect(Array.isArray(res.data?.searchResources.edges)).toBe(true);
  const [{ count }] = await db.query('SELECT count(*)::int AS count FROM knowledge.resources');
  expect(count).toBe(48 + FIXTURES.length);
});

test('highlights escape the text itself, so only the <mark> tags are markup', async () => {
  await db.query(
    `INSERT INTO knowledge.resources (id, title, summary, kind, language, languages, owner)
     VALUES ('fx-markup', 'Safeguarding <img src=x onerror=alert(1)> & schools', 'About safeguarding.', 'GUIDELINE', 'en', '{en}', 'SECRETARIAT')`,
  );
  try {
    const { hits } = await search({ query: 'safeguarding', language: 'en' });
    const hit = hits.find((h) => h.node.id === 'fx-markup');
    expect(hit?.highlight).toContain('<mark>Safeguarding</mark> &lt;img src=x onerror=alert(1)&gt; &amp; schools');
    expect(hit?.highlight?.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  } finally {
    await db.query(`DELETE FROM knowledge.resources WHERE id = 'fx-markup'`);
  }
});

test.each([
  ['a list cursor with a date that is not one', 'resources', ['not-a-date', 'x']],
  ['a search cursor with an impossible rank', 'searchResources', [1e39, 'x']],
])('%s is BAD_USER_INPUT, not a database error', async (_label, field, key) => {
  const after = Buffer.from(JSON.stringify(key)).toString('base64url');
  const query =
    field === 'resources' ? `query ($after: String) { resources(after: $after) { totalCount } }` : `query ($after: String) { searchResources(query: "exit", after: $after) { totalCount } }`;
  const res = await hub.query(query, { after });
  expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
});

test('a page that does not ask for highlights is the same page, without marking anything', async () => {
  const marked = await search({ query: 'extremism', language: 'en' });
  const plain = await hub.query(`{ searchResources(query: "extremism", language: "en", first: 100) { totalCount edges { cursor rank node { id } } } }`);
  expect(plain.errors).toBeUndefined();
  expect(plain.data?.searchResources.edges).toEqual(marked.hits.map(({ cursor, rank, node }) => ({ cursor, rank, node: { id: node.id } })));
  expect(plain.data?.searchResources.totalCount).toBe(marked.res.data?.searchResources.totalCount);
});
