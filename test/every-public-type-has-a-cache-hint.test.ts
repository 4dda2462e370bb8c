// Every type a client can read has a cache hint in the composed supergraph, so that a type added
// later without one is caught here rather than silently making every query that reaches it
// uncacheable (or, worse, a personal one public): PRIVATE where it is someone's own.
import { readFileSync } from 'node:fs';
import { DEFAULT_SUPERGRAPH_PATH } from '@nsc-hub/gateway';
import { Supergraph } from '@apollo/federation-internals';
import { isObjectType, isUnionType } from 'graphql';
import { CacheHints } from '@nsc-hub/gateway/src/cachePolicy';

const sdl = readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8');
const api = Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
const hints = CacheHints.fromSupergraph(sdl);
const readable = Object.values(api.getTypeMap()).filter(
  (type) => (isObjectType(type) || isUnionType(type)) && !type.name.startsWith('__') && !['Query', 'Mutation'].includes(type.name),
);

test('every object type and union of the API has a @cacheControl hint', () => {
  expect(readable.length).toBeGreaterThan(40);
  expect(readable.filter((type) => !hints.type(type.name)).map((type) => type.name)).toEqual([]);
});

test('contact persons and the audit log are PRIVATE', () => {
  expect(hints.field('City', 'contacts')).toEqual({ maxAge: 0, scope: 'PRIVATE' });
  expect(hints.type('ContactPerson')?.scope).toBe('PRIVATE');
  for (const type of ['AuditLog', 'AuditEntry', 'AuditEntryConnection']) expect(hints.type(type)?.scope).toBe('PRIVATE');
});

test('no mutation payload or root field carries a public hint that would outlive a write', () => {
  const mutation = api.getMutationType();
  for (const field of Object.values(mutation?.getFields() ?? {})) expect(hints.field('Mutation', field.name)).toBeUndefined();
});
