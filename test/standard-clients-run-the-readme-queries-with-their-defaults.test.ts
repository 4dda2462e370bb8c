// What a frontend developer tries first: urql, graphql-request and Apollo Client (queries by GET)
// with their default settings run the README's queries and get the same data a plain POST gets.
// CSRF protection stays: a GET a cross-site <img>, <script> or form could make is refused, and
// no mutation runs by GET.
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { GraphQLClient } from 'graphql-request';
import { tokenFor } from '@nsc-hub/shared/src/testing';
import { readmeQueries } from './helpers/readmeQueries';
import { startHub, type RunningHub } from './helpers/startHub';

jest.setTimeout(120_000);

const QUERIES = readmeQueries();

let hub: RunningHub;
const methods: Record<string, string[]> = { urql: [], 'graphql-request': [], 'apollo-client': [] };
/** The clients' own fetch, recording each request's method. */
const recording = (client: string): typeof fetch => (input, init) => {
  methods[client].push(init?.method ?? (input instanceof Request ? input.method : 'GET'));
  return fetch(input, init);
};

beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.stop());

/** urql and Apollo Client add `__typename` to every selection for their caches: compared without them, on both sides. */
function withoutTypenames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTypenames);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== '__typename').map(([key, inner]) => [key, withoutTypenames(inner)]));
}

test('the README has queries to try', () => {
  expect(QUERIES.map((q) => q.name)).toEqual(expect.arrayContaining(['DanishCities', 'CityAcrossAllSubgraphs', 'SearchResources']));
});

test.each(QUERIES.map((q) => [q.name, q.text]))('%s: urql, graphql-request and Apollo Client get what a POST gets', async (_name, text) => {
  const answer = await hub.query(text);
  expect(answer.errors).toBeUndefined();
  const expected = { data: withoutTypenames(answer.data) };

  const urql = new Client({ url: hub.url, exchanges: [cacheExchange, fetchExchange], fetch: recording('urql') });
  const fromUrql = await urql.query(text, {}).toPromise();
  expect(fromUrql.error).toBeUndefined();
  expect(withoutTypenames(fromUrql.data)).toEqual(expected.data);

  const fromGraphqlRequest = await new GraphQLClient(hub.url, { fetch: recording('graphql-request') }).request(text);
  expect(withoutTypenames(fromGraphqlRequest)).toEqual(expected.data);

  const apollo = new ApolloClient({ link: new HttpLink({ uri: hub.url, useGETForQueries: true, fetch: recording('apollo-client') }), cache: new InMemoryCache() });
  const fromApollo = await apollo.query({ query: gql(text), fetchPolicy: 'no-cache' });
  expect(fromApollo.error).toBeUndefined();
  expect(withoutTypenames(fromApollo.data)).toEqual(expected.data);
});

test('urql and Apollo Client sent their queries by GET, graphql-request by POST', () => {
  expect(new Set(methods.urql)).toEqual(new Set(['GET']));
  expect(new Set(methods['apollo-client'])).toEqual(new Set(['GET']));
  expect(new Set(methods['graphql-request'])).toEqual(new Set(['POST']));
});

describe('cross-site requests stay refused', () => {
  const query = encodeURIComponent('{ countries { code } }');
  const mutation = encodeURIComponent('mutation { createCity(input: { name: "Getby", country: "DK" }) { id } }');
  const get = async (search: string, headers: Record<string, string>) => {
    const res = await fetch(`${hub.url}?${search}`, { headers });
    return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { extensions: { code: string; requestId?: string } }[] } };
  };

  test.each([
    ['as an <img> or <script> asks (Accept: */*)', { accept: '*/*' }],
    ['as a no-cors fetch may (Accept: application/json)', { accept: 'application/json' }],
    ['with no Accept at all', {}],
  ])('a GET %s: 400 BAD_REQUEST with a request id', async (_label, headers) => {
    const answer = await get(`query=${query}`, headers);
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors?.[0].extensions.code).toBe('BAD_REQUEST');
    expect(answer.body.errors?.[0].extensions.requestId).toEqual(expect.any(String));
  });

  test('a mutation by GET, even as a GraphQL client asks and with a token: 405, nothing written', async () => {
    const answer = await get(`query=${mutation}`, { accept: 'application/graphql-response+json', authorization: `Bearer ${await tokenFor('admin')}` });
    expect(answer.status).toBe(405);
    expect((await hub.query('{ city(id: "dk-getby") { id } }')).data).toEqual({ city: null });
  });
});
