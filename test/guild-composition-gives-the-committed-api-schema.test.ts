// The committed graph is not tied to Apollo's composition: The Guild's federation composition
// (what Hive Gateway and Cosmo-style routers build on) composes the same subgraph schemas without
// errors, and the public schema it derives is the committed schema/api.graphql. The one
// difference it may show is the definition of @cacheControl, a directive the subgraphs compose
// into the supergraph for the gateway, which Apollo's API schema leaves out.
import { readFileSync } from 'node:fs';
import { Kind, buildASTSchema, lexicographicSortSchema, parse, printSchema, type DocumentNode } from 'graphql';
import { composeServices, transformSupergraphToPublicSchema } from '@theguild/federation-composition';
import { API_SCHEMA_PATH } from '../scripts/apiSchemaSdl';
import { SUBGRAPHS } from '../scripts/subgraphs';

const COMPOSED_DIRECTIVES = ['cacheControl'];

test("The Guild's composition of the subgraph schemas gives the committed API schema", () => {
  const result = composeServices(SUBGRAPHS.map((s) => ({ name: s.name, typeDefs: parse(s.typeDefs), url: `http://${s.name}.invalid/graphql` })));
  expect((result.errors ?? []).map(String)).toEqual([]);
  if (!result.supergraphSdl) throw new Error('no supergraph');
  const publicSchema = transformSupergraphToPublicSchema(parse(result.supergraphSdl));
  const directives = publicSchema.definitions.filter((d) => d.kind === Kind.DIRECTIVE_DEFINITION).map((d) => d.name.value);
  expect(directives.filter((name) => !COMPOSED_DIRECTIVES.includes(name))).toEqual([]);
  const withoutComposed: DocumentNode = {
    ...publicSchema,
    definitions: publicSchema.definitions.filter((d) => d.kind !== Kind.DIRECTIVE_DEFINITION),
  };
  const sdl = `${printSchema(lexicographicSortSchema(buildASTSchema(withoutComposed, { assumeValidSDL: true }))).trimEnd()}\n`;
  expect(sdl).toBe(readFileSync(API_SCHEMA_PATH, 'utf8'));
});
