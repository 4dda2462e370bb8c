// What an answer is tagged by, on the committed supergraph: each record it holds by type and key
// (by type alone where the key was not asked for), and each list, page or statistic by the
// subgraph that resolved it; and what a reported change evicts.
import { readFileSync } from 'node:fs';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { DEFAULT_SUPERGRAPH_PATH } from '../src/config';
import { ResponseTags } from '../src/responseCache/ResponseTags';

const tags = ResponseTags.fromSupergraph(readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8'));
const tagsOf = (query: string, data: Record<string, unknown>) => {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return tags.of(document, operation, data).sort();
};

test('a record asked for by id is tagged by its key, and its own fields add nothing', () => {
  expect(tagsOf('{ city(id: "dk-aarhus") { id name population } }', { city: { id: 'dk-aarhus', name: 'Aarhus', population: 1 } })).toEqual(['e:City:dk-aarhus']);
});

test('a record whose key the query left out is tagged by its type', () => {
  expect(tagsOf('{ city(id: "dk-aarhus") { name } }', { city: { name: 'Aarhus' } })).toEqual(['t:City']);
});

test('an alias, a fragment and a key asked for twice find the key all the same', () => {
  const query = 'query { here: city(id: "dk-aarhus") { ...Named key: id } } fragment Named on City { name id }';
  expect(tagsOf(query, { here: { name: 'Aarhus', id: 'dk-aarhus', key: 'dk-aarhus' } })).toEqual(['e:City:dk-aarhus']);
});

test("a page is its subgraph's list, and a record's list field is the list of the subgraph resolving it", () => {
  const query = '{ cities(first: 2) { totalCount edges { node { id resources(first: 1) { totalCount } participations { id } } } } }';
  const data = {
    cities: {
      totalCount: 2,
      edges: [
        { node: { id: 'dk-aarhus', resources: { totalCount: 3 }, participations: [{ id: 'p1' }] } },
        { node: { id: 'se-malmo', resources: { totalCount: 0 }, participations: [] } },
      ],
    },
  };
  expect(tagsOf(query, data)).toEqual(['e:City:dk-aarhus', 'e:City:se-malmo', 'e:Participation:p1', 'l:forums', 'l:knowledge', 'l:membership']);
});

test('statistics are the list of the subgraph that counts them', () => {
  const query = '{ membershipStats(groupBy: [COUNTRY]) { total } }';
  expect(tagsOf(query, { membershipStats: { total: 4 } })).toEqual(['l:membership']);
});

test("a union member is tagged by the type its __typename names, else by every type it could be", () => {
  const query = 'query ($id: ID!) { resource(id: $id) { id publisher { __typename ... on City { id } ... on Network { id } } } }';
  expect(tagsOf(query, { resource: { id: 'r1', publisher: { __typename: 'Network', id: 'nsc' } } })).toEqual(['e:Network:nsc', 'e:Resource:r1']);
  const untyped = 'query ($id: ID!) { resource(id: $id) { id publisher { ... on City { id } } } }';
  expect(tagsOf(untyped, { resource: { id: 'r1', publisher: { id: 'dk-aarhus' } } })).toEqual(['e:Resource:r1', 't:City', 't:Forum', 't:Network']);
});

test('null records and empty lists add only what holds them', () => {
  expect(tagsOf('{ city(id: "nowhere") { id } }', { city: null })).toEqual([]);
  expect(tagsOf('{ networks { id } }', { networks: [] })).toEqual(['l:membership']);
});

test('a change evicts its record, the records of its type the answers could not name, and its subgraph\'s lists', () => {
  expect(tags.forChange('forums', { typename: 'Participation', id: 'p1' })).toEqual(['e:Participation:p1', 't:Participation', 'l:forums']);
});
