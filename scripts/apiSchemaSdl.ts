import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { REPO_ROOT } from './repoRoot';

/** The committed public API schema: what frontends generate types from and what schema checks compare. */
export const API_SCHEMA_PATH = path.join(REPO_ROOT, 'schema', 'api.graphql');

/**
 * The graph as clients see it, from a supergraph: federation's own API-schema derivation drops
 * the join__/link__ machinery, `_entities`, `_service` and `_Any`, and keeps descriptions. Types,
 * fields, arguments and values are printed sorted, so a diff of two versions shows only what
 * changed, never where a subgraph happened to declare it.
 */
export function apiSchemaSdl(supergraphSdl: string): string {
  const api = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  return `${printSchema(lexicographicSortSchema(api)).trimEnd()}\n`;
}
