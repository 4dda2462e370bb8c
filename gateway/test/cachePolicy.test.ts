import { buildSchema, parse } from 'graphql';
import { CacheHints, cachePolicyOf } from '../src/cachePolicy';

const SDL = `
  enum CacheControlScope { PUBLIC PRIVATE }
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
  type Query {
    cities: [City!]!
    city(id: ID!): City
    count: Int
    news: News @cacheControl(maxAge: 10)
    owner: Owner
  }
  type City @cacheControl(maxAge: 300) {
    name: String!
    mayor: Person
    page: Page
    contacts: [Person!] @cacheControl(maxAge: 0, scope: PRIVATE)
    census: Census @cacheControl(maxAge: 3600)
  }
  type Person { name: String }
  type Page @cacheControl(inheritMaxAge: true) { size: Int }
  type Census @cacheControl(maxAge: 86400) { population: Int }
  type News @cacheControl(maxAge: 60) { title: String }
  union Owner @cacheControl(maxAge: 120) = City | Person
`;
const schema = buildSchema(SDL);
const hints = CacheHints.fromSupergraph(SDL);
const policy = (query: string, operationName?: string) => cachePolicyOf(schema, hints, parse(query), operationName);

test("a root field takes its type's hint; nested scalars inherit; the smallest maxAge wins", () => {
  expect(policy('{ cities { name } }')).toEqual({ maxAge: 300, scope: 'PUBLIC' });
  expect(policy('{ cities { name census { population } } }')).toEqual({ maxAge: 300, scope: 'PUBLIC' });
  expect(policy('{ cities { name } news { title } }')).toEqual({ maxAge: 10, scope: 'PUBLIC' });
});

test("a field's own hint wins over its type's", () => {
  // News is 60 as a type, 10 as Query.news.
  expect(policy('{ news { title } }').maxAge).toBe(10);
});

test('an object type without a hint, or a root scalar without one, may not be kept', () => {
  expect(policy('{ cities { mayor { name } } }').maxAge).toBe(0);
  expect(policy('{ count }').maxAge).toBe(0);
  expect(policy('{ __typename }').maxAge).toBe(0);
});

test("inheritMaxAge takes the parent's; a union uses its own hint, fragments included", () => {
  expect(policy('{ cities { page { size } } }').maxAge).toBe(300);
  expect(policy('{ owner { ... on City { name } } }').maxAge).toBe(120);
  expect(policy('{ owner { ...P } } fragment P on Person { name }').maxAge).toBe(120);
});

test('PRIVATE anywhere makes the whole answer private; mutations and unknown operations are not cacheable', () => {
  expect(policy('{ city(id: "x") { name contacts { name } } }')).toEqual({ maxAge: 0, scope: 'PRIVATE' });
  expect(policy('query A { cities { name } } query B { count }', 'A').maxAge).toBe(300);
  expect(policy('query A { cities { name } } query B { count }', 'B').maxAge).toBe(0);
  expect(policy('query A { cities { name } } query B { count }').maxAge).toBe(0);
});
