// A frontend on Apollo Client's defaults (InMemoryCache without type policies): every object it
// would keep has an id it finds by itself (a country's too, `Country.id`), so running the README's
// queries one after another fills one normalised cache without a warning about lost data, and
// running them again is answered from that cache without a request. With the README's
// relayStylePagination policy, pages of a list merge into one.
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { readmeQueries } from './helpers/readmeQueries';
import { startHub, type RunningHub } from './helpers/startHub';

const QUERIES = readmeQueries();

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.stop());

test('the README queries fill one cache without warnings, and a second round sends no request', async () => {
  let requests = 0;
  const client = new ApolloClient({
    link: new HttpLink({
      uri: hub.url,
      fetch: (input, init) => {
        requests += 1;
        return fetch(input, init);
      },
    }),
    cache: new InMemoryCache(),
  });
  const warnings: unknown[][] = [];
  const warn = jest.spyOn(console, 'warn').mockImplementation((...args) => void warnings.push(args));
  const error = jest.spyOn(console, 'error').mockImplementation((...args) => void warnings.push(args));
  try {
    expect(QUERIES.length).toBeGreaterThan(4);
    for (const { text } of QUERIES) {
      const result = await client.query({ query: gql(text) });
      expect(result.error).toBeUndefined();
    }
    expect(requests).toBe(QUERIES.length);
    const refetched: string[] = [];
    for (const { name, text } of QUERIES) {
      const before = requests;
      await client.query({ query: gql(text) });
      if (requests > before) refetched.push(name);
    }
    expect(refetched).toEqual([]);
  } finally {
    warn.mockRestore();
    error.mockRestore();
  }
  expect(warnings).toEqual([]);
  const cached = client.cache.extract() as Record<string, unknown>;
  expect(cached).toHaveProperty(['Country:DK']);
  expect(cached).toHaveProperty(['City:dk-aarhus']);
});

test("with the README's relayStylePagination policy, two pages of cities merge into one list", async () => {
  const client = new ApolloClient({
    link: new HttpLink({ uri: hub.url }),
    cache: new InMemoryCache({ typePolicies: { Query: { fields: { cities: relayStylePagination(['filter', 'orderLocale']) } } } }),
  });
  const query = gql`
    query CityPage($after: String) {
      cities(first: 5, after: $after) { edges { node { id name } } pageInfo { hasNextPage endCursor } }
    }
  `;
  type Page = { cities: { edges: { node: { id: string } }[]; pageInfo: { endCursor: string } } };
  const first = await client.query<Page>({ query });
  const all = await hub.query<Page>('{ cities(first: 10) { edges { node { id } } pageInfo { endCursor } } }');
  const watch = client.watchQuery<Page>({ query });
  await watch.fetchMore({ variables: { after: first.data!.cities.pageInfo.endCursor } });
  const merged = client.readQuery<Page>({ query })!;
  expect(merged.cities.edges.map((edge) => edge.node.id)).toEqual(all.data!.cities.edges.map((edge) => edge.node.id));
});
