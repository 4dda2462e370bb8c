// resourceStats counts what walking the resource list finds, by kind, topic, language, year,
// country, audience and publisher type, alone and combined: a resource counts once in each of its
// values' groups and once in the total; one without a value is in the unknown group. On the seed
// and on a generated data set; one SQL statement for the counts however many groups there are.
import type { GraphQLResponse } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from './helpers/startHub';

let hub: RunningHub;

interface Walked {
  id: string;
  kind: string;
  topics: string[];
  languages: string[];
  year: number | null;
  countries: string[];
  audiences: string[];
  publisherType: string | null;
}
type ResourcePage = {
  resources: {
    pageInfo: { hasNextPage: boolean; endCursor: string };
    edges: { node: { id: string; kind: string; topics: { id: string }[]; languages: string[]; publishedYear: number | null; countries: { code: string }[]; audiences: string[]; publisher: { __typename: string } | null } }[];
  };
};

beforeAll(async () => {
  // Rows are written straight into the subgraphs' databases, which the gateway's response cache
  // does not hear of: every answer here comes from the subgraphs.
  hub = await startHub({ gateway: { responseCache: { store: 'off' } } });
});
afterAll(() => hub?.stop());

async function walkResources(filter = '{}'): Promise<Walked[]> {
  const found: Walked[] = [];
  let after: string | null = null;
  do {
    const res: GraphQLResponse<ResourcePage> = await hub.query<ResourcePage>(
      `query ($after: String) { resources(first: 100, after: $after, filter: ${filter}) { pageInfo { hasNextPage endCursor }
         edges { node { id kind topics { id } languages publishedYear countries { code } audiences publisher { __typename } } } } }`,
      { after },
    );
    expect(res.errors).toBeUndefined();
    for (const { node } of res.data!.resources.edges) {
      found.push({
        id: node.id,
        kind: node.kind,
        topics: node.topics.map((t) => t.id),
        languages: node.languages,
        year: node.publishedYear,
        countries: node.countries.map((c) => c.code),
        audiences: node.audiences,
        publisherType: node.publisher ? node.publisher.__typename.toUpperCase() : null,
      });
    }
    after = res.data!.resources.pageInfo.hasNextPage ? res.data!.resources.pageInfo.endCursor : null;
  } while (after);
  return found;
}

type Dimension = 'KIND' | 'TOPIC' | 'LANGUAGE' | 'YEAR' | 'COUNTRY' | 'AUDIENCE' | 'PUBLISHER_TYPE';
/** A resource's values in one dimension: lists as they are, an empty list as the one unknown value. */
const valuesOf = (r: Walked, d: Dimension): string[] => {
  const values = { KIND: [r.kind], TOPIC: r.topics, LANGUAGE: r.languages, YEAR: [r.year], COUNTRY: r.countries, AUDIENCE: r.audiences, PUBLISHER_TYPE: [r.publisherType] }[d];
  return values.length ? values.map(String) : ['null'];
};

/** Distinct resources per combination of values, keyed by the values joined with `|`. */
function tally(resources: Walked[], dimensions: Dimension[]): Map<string, number> {
  const groups = new Map<string, Set<string>>();
  for (const r of resources) {
    let combinations: string[][] = [[]];
    for (const d of dimensions) combinations = combinations.flatMap((c) => valuesOf(r, d).map((v) => [...c, v]));
    for (const combination of combinations) {
      const key = combination.join('|');
      groups.set(key, (groups.get(key) ?? new Set()).add(r.id));
    }
  }
  return new Map([...groups].map(([key, ids]) => [key, ids.size]));
}

async function stats(dimensions: Dimension[], filter = '{}'): Promise<{ total: number; counts: Map<string, number>; statements: number }> {
  const before = hub.subgraphs.knowledge.queries.statements;
  const res = await hub.query<{ resourceStats: { total: number; rows: { key: Record<string, unknown>; count: number }[] } }>(
    `{ resourceStats(groupBy: [${dimensions.join(', ')}], filter: ${filter}) { total rows { key { kind topic { id } language year country { code } audience publisherType } count } } }`,
  );
  expect(res.errors).toBeUndefined();
  const statements = hub.subgraphs.knowledge.queries.statements - before;
  const counts = new Map<string, number>();
  for (const { key, count } of res.data!.resourceStats.rows) {
    const value = (d: Dimension) =>
      ({
        KIND: key.kind,
        TOPIC: (key.topic as { id: string } | null)?.id ?? null,
        LANGUAGE: key.language,
        YEAR: key.year,
        COUNTRY: (key.country as { code: string } | null)?.code ?? null,
        AUDIENCE: key.audience,
        PUBLISHER_TYPE: key.publisherType,
      })[d];
    counts.set(dimensions.map((d) => String(value(d))).join('|'), count);
  }
  return { total: res.data!.resourceStats.total, counts, statements };
}

const GROUPINGS: Dimension[][] = [['KIND'], ['TOPIC'], ['LANGUAGE'], ['YEAR'], ['COUNTRY'], ['AUDIENCE'], ['PUBLISHER_TYPE'], ['TOPIC', 'LANGUAGE'], ['KIND', 'COUNTRY', 'YEAR']];

test.each(GROUPINGS.map((g) => [g.join(' × '), g] as const))('on the seed, by %s: the counts walking the list gives', async (_name, dimensions) => {
  const walked = await walkResources();
  const { total, counts } = await stats(dimensions);
  expect(total).toBe(walked.length);
  expect(counts).toEqual(tally(walked, dimensions));
});

test('with a filter, only what it matches; without a country or audience, the unknown group', async () => {
  const danish = await walkResources('{ language: "da" }');
  expect((await stats(['KIND'], '{ language: "da" }')).counts).toEqual(tally(danish, ['KIND']));
  const all = await stats(['AUDIENCE']);
  // Seeded resources have no audiences: every one of them is in the unknown group.
  expect(all.counts.get('null')).toBe(all.total);
});

test('on a generated data set: the same counts, and one statement for them whatever the number of groups', async () => {
  const db = hub.subgraphs.knowledge.dataSource;
  await db.query(
    `INSERT INTO knowledge.resources (id, title, kind, language, languages, published_year, audiences, country_codes, city_ids, owner, source_ids)
     SELECT 'generated-' || n, 'Generated resource ' || n,
            (ARRAY['GUIDELINE', 'TOOLKIT', 'REPORT', 'RESEARCH'])[1 + n % 4],
            (ARRAY['da', 'sv', 'nb', 'fi', 'en'])[1 + n % 5],
            ARRAY[(ARRAY['da', 'sv', 'nb', 'fi', 'en'])[1 + n % 5]] || CASE WHEN n % 3 = 0 THEN ARRAY['en'] ELSE ARRAY[]::text[] END,
            CASE WHEN n % 6 = 0 THEN NULL ELSE 1990 + n % 35 END,
            CASE WHEN n % 2 = 0 THEN ARRAY['POLICE', 'TEACHERS'] ELSE ARRAY[]::text[] END,
            CASE WHEN n % 4 = 0 THEN ARRAY[]::text[] ELSE ARRAY[(ARRAY['DK', 'NO', 'SE', 'FI'])[1 + n % 4]] END,
            ARRAY[]::text[], 'SECRETARIAT', ARRAY[]::text[]
       FROM generate_series(1, 300) AS n`,
  );
  await db.query(
    `INSERT INTO knowledge.resource_topics (resource_id, topic_id)
     SELECT 'generated-' || n, t.id FROM generate_series(1, 300) AS n
       JOIN LATERAL (SELECT id FROM knowledge.topics ORDER BY id OFFSET n % 7 LIMIT 1 + n % 2) AS t ON TRUE`,
  );
  const walked = await walkResources();
  for (const dimensions of GROUPINGS) {
    const { total, counts } = await stats(dimensions);
    expect(total).toBe(walked.length);
    expect(counts).toEqual(tally(walked, dimensions));
  }
  const few = await stats(['PUBLISHER_TYPE']);
  const many = await stats(['KIND', 'LANGUAGE', 'YEAR']);
  expect(many.counts.size).toBeGreaterThan(few.counts.size * 20);
  expect(few.statements).toBe(1);
  expect(many.statements).toBe(1);
});
