import { readFileSync } from 'node:fs';
import type { SubgraphModule } from '@nsc-hub/shared';

/**
 * The SDL a subgraph contributes to the graph. Composition and the schema checks read a
 * subgraph's schema only through here, so where it comes from is decided in one place.
 */
export function subgraphSdl(subgraph: SubgraphModule): string {
  return readFileSync(subgraph.schemaPath, 'utf8');
}
