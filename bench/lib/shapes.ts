import { Faker, base, en } from '@faker-js/faker';
import { LANGUAGES, COMMON_WORDS } from './vocabulary';

/** What the variables of a shape are drawn from: ids and cursors read off the benchmark data. */
export interface BenchPools {
  cityIds: readonly string[];
  /** `after` cursors of `cities` with at least 100 cities after each. */
  cityCursors: readonly string[];
}

export interface Shape {
  readonly id: 'Q1' | 'Q2' | 'Q3' | 'Q4';
  readonly title: string;
  /** The document, with `first` as given (the statement-count check compares 10 and 100). */
  query(first?: number): string;
  variables(random: Faker, pools: BenchPools): Record<string, unknown>;
}

const NESTED = (first: number) => `
      id name country { code }
      memberships { status network { id name } }
      resources(first: ${first}) { edges { node { id title publisher { __typename ... on Network { name } ... on Forum { name } ... on City { name } } } } }
      participations { role event { id title startsOn forum { id name } } }`;

export const SHAPES: readonly Shape[] = [
  {
    id: 'Q1',
    title: 'one city by id, scalar fields (membership only)',
    query: () => `query Q1($id: ID!) { city(id: $id) { id name nativeName region population version } }`,
    variables: (random, pools) => ({ id: random.helpers.arrayElement(pools.cityIds) }),
  },
  {
    id: 'Q2',
    title: 'one city with memberships → networks, resources → publisher, participations → event → forum (all three subgraphs)',
    query: (first = 10) => `query Q2($id: ID!) { city(id: $id) {${NESTED(first)} } }`,
    variables: (random, pools) => ({ id: random.helpers.arrayElement(pools.cityIds) }),
  },
  {
    id: 'Q3',
    title: 'cities(first: 100) with the same nested fields',
    query: (first = 100) => `query Q3($after: String) { cities(first: ${first}, after: $after) { edges { node {${NESTED(10)} } } } }`,
    variables: (random, pools) => ({ after: random.helpers.arrayElement(pools.cityCursors) }),
  },
  {
    id: 'Q4',
    title: 'searchResources for a common word in each of six languages',
    query: (first = 20) => `query Q4($q: String!, $language: String) { searchResources(query: $q, language: $language, first: ${first}) { edges { node { id title language } } } }`,
    variables: (random) => {
      const language = random.helpers.arrayElement(LANGUAGES);
      return { q: COMMON_WORDS[language], language };
    },
  },
];

/** A generator for one measurement: the same seed gives the same sequence of variables. */
export const seededRandom = (seed: number) => new Faker({ locale: [en, base], seed });
