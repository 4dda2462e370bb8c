// defineSubgraph: a subgraph declares what is its own; the name and schema rules are checked at
// definition, and the platform's part (the audit log) is appended to what it serves and composes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLObjectType } from 'graphql';
import { defineSubgraph, isSubgraphModule } from '../src';

const SCHEMA = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])
type Thing @key(fields: "id") { id: ID! }
type Query { things: [Thing!] }
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'nsc-define-'));
  writeFileSync(path.join(dir, 'schema.graphql'), SCHEMA);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const define = (name: string, extra: { dbSchema?: string; port?: number } = {}) =>
  defineSubgraph({ name, port: extra.port ?? 4100, dir, dbSchema: extra.dbSchema, entities: [], migrations: [], resolvers: {}, context: () => ({}) });

test.each(['Nordic', 'nordic_cities', 'nordic--cities', '1nordic', 'nordic-', ''])('the name "%s" is refused', (name) => {
  expect(() => define(name)).toThrow(/use lower-case letters, digits and single hyphens/);
});

test('a kebab-case name gets a Postgres schema with underscores, and a camelCase audit-log field', () => {
  const subgraph = define('nordic-cities');
  expect(isSubgraphModule(subgraph)).toBe(true);
  expect(subgraph.dbSchema).toBe('nordic_cities');
  expect(subgraph.typeDefs.startsWith(SCHEMA.trimEnd())).toBe(true);
  const schema = buildSubgraphSchema({ typeDefs: parse(subgraph.typeDefs) });
  expect(Object.keys((schema.getType('AuditLog') as GraphQLObjectType).getFields())).toEqual(['nordicCities']);
  expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(expect.arrayContaining(['things', 'auditLog']));
});

test.each([
  ['a schema name with a hyphen', { dbSchema: 'nordic-cities' }, /Postgres schema "nordic-cities"/],
  ['port 0', { port: 0 }, /port 0 is not a TCP port/],
  ['port 70000', { port: 70000 }, /port 70000 is not a TCP port/],
])('%s is refused', (_what, extra, message) => {
  expect(() => define('nordic', extra)).toThrow(message);
});
