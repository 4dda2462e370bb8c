// Frontend pages for cities, countries, networks, forums and topics list "what they published"
// from the knowledge subgraph inside the same request as the membership facts, newest first,
// with a fixed number of SQL statements however long the lists are.
import type { DataSource } from 'typeorm';
import { TEST_SUBGRAPH_SECRET, errorCodes, graphqlRequest, type GraphQLResponse } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from './helpers/startHub';

let hub: RunningHub;
let knowledge: DataSource;
let membership: DataSource;

beforeAll(async () => {
  hub = await startHub();
  knowledge = hub.subgraphs.knowledge.dataSource;
  membership = hub.subgraphs.membership.dataSource;
  await knowledge.query(`
    INSERT INTO knowledge.resources (id, title, kind, language, languages, owner, published_on, published_year, publisher_type, publisher_id, city_ids)
    VALUES ('fx-copenhagen-guide', 'Copenhagen dialogue guide', 'GUIDELINE', 'en', '{en}', 'DK', '2021-05-01', 2021, 'NETWORK', 'nordic-safe-cities', '{dk-copenhagen}')`);
  await knowledge.query(`INSERT INTO knowledge.resource_topics (resource_id, topic_id) VALUES ('fx-copenhagen-guide', 'exit')`);
});
afterAll(() => hub?.stop());

test('one request: a city, its memberships, and its resources with their publisher', async () => {
  const res = await hub.query(`{
    city(id: "dk-copenhagen") {
      name
      memberships { network { name } status }
      resources { totalCount edges { node { title publishedOn topics { name } publisher { __typename ... on Network { name founded } } } } }
    }
  }`);
  expect(res.errors).toBeUndefined();
  expect(res.data?.city.memberships).toEqual(expect.arrayContaining([{ network: { name: 'Nordic Safe Cities' }, status: 'ACTIVE' }]));
  expect(res.data?.city.resources).toEqual({
    totalCount: 1,
    edges: [
      {
        node: {
          title: 'Copenhagen dialogue guide',
          publishedOn: '2021-05-01',
          topics: [{ name: 'exit' }],
          publisher: { __typename: 'Network', name: 'Nordic Safe Cities', founded: 2016 },
        },
      },
    ],
  });
});

test('a network page lists what it published; a resource names its countries through membership', async () => {
  const res = await hub.query(`{
    network(id: "nordic-safe-cities") { name resources(first: 50) { totalCount edges { node { id } } } }
    resource(id: "no-action-plan-2020") { title publishedOn publisherName countries { code name } kind languages sources { url } }
  }`);
  expect(res.errors).toBeUndefined();
  const ids = res.data?.network.resources.edges.map((e: { node: { id: string } }) => e.node.id);
  expect(ids).toEqual(expect.arrayContaining(['nsc-guide-2017', 'nsc-safe-city-blueprint-2020', 'fx-copenhagen-guide']));
  expect(res.data?.network.resources.totalCount).toBe(ids.length);
  expect(res.data?.resource).toMatchObject({ publishedOn: '2020-06-17', countries: [{ code: 'NO', name: 'Norway' }], kind: 'ACTION_PLAN', languages: ['no'] });
  expect(res.data?.resource.sources.length).toBeGreaterThan(0);
});

test('country, forum and topic lists', async () => {
  const res = await hub.query(`{
    country(code: "FI") { name resources { totalCount edges { node { id } } } }
    topics { id name resources(first: 1) { totalCount } }
    resources(filter: { publisher: "gctf" }, first: 1) { totalCount }
  }`);
  expect(res.errors).toBeUndefined();
  expect(res.data?.country.resources.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(['fi-action-plan-2024', 'fi-nap-2019-2023', 'fi-ankkuri-handbook']);
  const youth = res.data?.topics.find((t: { id: string }) => t.id === 'youth');
  expect(youth).toEqual({ id: 'youth', name: 'youth', resources: { totalCount: 6 } });
  expect(res.data?.resources.totalCount).toBe(14);
  // A forum page: the forums subgraph owns the forum, knowledge adds what it published.
  const page = await hub.query(`{ forum(id: "gctf") { name acronym publications(first: 3) { totalCount edges { node { id } } } } }`);
  expect(page.errors).toBeUndefined();
  expect(page.data?.forum).toMatchObject({ name: 'Global Counterterrorism Forum', acronym: 'GCTF', publications: { totalCount: 14 } });
  expect(page.data?.forum.publications.edges).toHaveLength(3);
  // Knowledge answers for any forum key, also one it has nothing for: asked as the gateway would.
  const forum = await graphqlRequest(
    hub.subgraphs.knowledge.url,
    `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Forum { id publications(first: 100) { totalCount edges { node { id } } } } } }`,
    { variables: { r: [{ __typename: 'Forum', id: 'gctf' }, { __typename: 'Forum', id: 'no-such-forum' }] }, subgraphSecret: TEST_SUBGRAPH_SECRET },
  );
  expect(forum.errors).toBeUndefined();
  expect(forum.data?._entities[0].publications.totalCount).toBe(14);
  expect(forum.data?._entities[0].publications.edges).toHaveLength(14);
  expect(forum.data?._entities[1]).toEqual({ id: 'no-such-forum', publications: { totalCount: 0, edges: [] } });
});

describe('Query.resources', () => {
  const PAGE = `query ($first: Int, $after: String, $filter: ResourceFilter) {
    resources(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { id publishedOn publishedYear } } }
  }`;

  test('newest first, undated last, every resource once across pages', async () => {
    const whole = await hub.query(PAGE, { first: 100 });
    const all = whole.data?.resources.edges.map((e: { node: { id: string; publishedOn: string | null; publishedYear: number | null } }) => e.node);
    expect(all).toHaveLength(49);
    const years = all.map((n: { publishedYear: number | null }) => n.publishedYear ?? 0);
    expect([...years].sort((a, b) => b - a)).toEqual(years);
    expect(all[0].id).toBe('gctf-abu-dhabi-addendum');
    const paged: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i += 1) {
      const res: GraphQLResponse = await hub.query(PAGE, { first: 7, after });
      paged.push(...res.data?.resources.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!res.data?.resources.pageInfo.hasNextPage) break;
      after = res.data?.resources.pageInfo.endCursor;
    }
    expect(paged).toEqual(all.map((n: { id: string }) => n.id));
  });

  test.each([
    [{ kind: 'ACTION_PLAN' }, 9],
    [{ language: 'da' }, 6],
    [{ country: 'NO' }, 7],
    [{ topic: 'ssp' }, 3],
    [{ publisher: 'ran' }, 7],
    [{ publishedFrom: '2020-01-01', publishedTo: '2020-12-31' }, 3],
    [{ city: 'dk-aarhus' }, 1],
    [{ audience: 'POLICE' }, 0],
  ])('filters by %j', async (filter, count) => {
    const res = await hub.query(PAGE, { first: 100, filter });
    expect(res.errors).toBeUndefined();
    expect(res.data?.resources.totalCount).toBe(count);
    expect(res.data?.resources.edges).toHaveLength(count);
  });

  test.each([
    [{ filter: { publishedFrom: '2020-01-01', publishedTo: '2019-01-01' } }, /publishedTo/],
    [{ filter: { language: '!!' } }, /language/],
    [{ filter: { country: 'Norway' } }, /country code/],
    [{ first: 500 }, /first/],
  ])('rejects %j', async (variables, message) => {
    const res = await hub.query(PAGE, variables);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0].message).toMatch(message);
  });
});

describe('SQL statements do not grow with list sizes', () => {
  beforeAll(async () => {
    // 150 more resources, each with a topic and a publisher, 60 more cities with two resources each.
    await knowledge.query(`
      INSERT INTO knowledge.resources (id, title, kind, language, languages, owner, published_year, audiences, publisher_type, publisher_id, city_ids)
      SELECT 'fx-bulk-' || n, 'Bulk resource ' || n, 'REPORT', 'en', '{en}', 'SECRETARIAT', 1990 + n % 30, '{POLICE,TEACHERS}',
             'NETWORK', (ARRAY['nordic-safe-cities', 'strong-cities-network'])[1 + n % 2], ARRAY['se-bulkby-' || (n % 60)]
        FROM generate_series(1, 150) AS n`);
    await knowledge.query(`INSERT INTO knowledge.resource_topics (resource_id, topic_id) SELECT 'fx-bulk-' || n, 'youth' FROM generate_series(1, 150) AS n`);
    await membership.query(`
      INSERT INTO membership.cities (id, name, country_code, owner)
      SELECT 'se-bulkby-' || n, 'Aa Bulkby ' || lpad(n::text, 2, '0'), 'SE', 'SE' FROM generate_series(0, 59) AS n`);
  });

  const statements = async (query: string, variables: Record<string, unknown>) => {
    const before = hub.subgraphs.knowledge.queries.statements;
    const res = await hub.query(query, variables);
    expect(res.errors).toBeUndefined();
    return { count: hub.subgraphs.knowledge.queries.statements - before, data: res.data };
  };

  test('resources(first: 10) and resources(first: 100) with topics, audiences and publishers', async () => {
    const QUERY = `query ($first: Int!) { resources(first: $first) { totalCount edges { node { id audiences topics { name } publisher { ... on Network { name } ... on Forum { id } } countries { name } } } } }`;
    const ten = await statements(QUERY, { first: 10 });
    const hundred = await statements(QUERY, { first: 100 });
    expect(ten.data?.resources.edges).toHaveLength(10);
    expect(hundred.data?.resources.edges).toHaveLength(100);
    expect(hundred.count).toBe(ten.count);
  });

  test('City.resources for 10 cities and for 50 cities', async () => {
    const QUERY = `query ($first: Int!) { cities(first: $first, filter: { nameContains: "Bulkby" }) { edges { node { name resources(first: 5) { totalCount edges { node { title topics { name } } } } } } } }`;
    const ten = await statements(QUERY, { first: 10 });
    const fifty = await statements(QUERY, { first: 50 });
    expect(ten.data?.cities.edges).toHaveLength(10);
    expect(fifty.data?.cities.edges).toHaveLength(50);
    for (const edge of fifty.data?.cities.edges ?? []) expect(edge.node.resources.totalCount).toBeGreaterThanOrEqual(2);
    expect(fifty.count).toBe(ten.count);
  });
});
