import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ERRORS } from '@nsc-hub/shared';
import { DEFAULT_SUPERGRAPH_PATH } from '../src/config';
import type { GatewayContext } from '../src/GatewayContext';
import { SubgraphUnavailable } from '../src/SubgraphUnavailable';

const unavailable = new SubgraphUnavailable(readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8'));

const operation = (request: { query: string; variables?: Record<string, unknown> }, document?: string) =>
  ({
    kind: 'incoming operation',
    request,
    context: {},
    incomingRequestContext: {},
    ...(document ? { document: parse(document) } : {}),
  }) as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;

const pathsOf = (options: GraphQLDataSourceProcessOptions<GatewayContext>) =>
  unavailable.responseFor('forums', 'is unavailable', options).errors?.map((e) => e.path);

test('errors go on the root fields of the operation text, the same each time it fails', () => {
  const options = operation({ query: '{ forums { id } events(first: 2) { edges { node { id } } } }' });
  expect(pathsOf(options)).toEqual([['forums'], ['events']]);
  expect(pathsOf(options)).toEqual([['forums'], ['events']]);
});

test('an entity fetch puts them on the fields of its first entity', () => {
  const query = 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on City { participations { role } } } }';
  const options = operation({ query, variables: { representations: [{ __typename: 'City', id: 'dk-aarhus' }, { __typename: 'City', id: 'dk-odense' }] } });
  expect(pathsOf(options)).toEqual([['_entities', 0, 'participations']]);
});

test('a fetch that comes with its parsed document is read from that, not from its text', () => {
  const options = operation({ query: 'text that is not GraphQL' }, '{ forums { id } }');
  const response = unavailable.failedWith(ERRORS.SUBGRAPH_UNAVAILABLE.err('The forums subgraph is unavailable', { serviceName: 'forums' }), options);
  expect(response.errors).toEqual([expect.objectContaining({ path: ['forums'], extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE' }) })]);
});
