import type { SubgraphModule } from '@nsc-hub/shared';

/**
 * The SDL a subgraph contributes to the graph: its schema.graphql followed by the platform's part
 * (the audit log), as it serves it. Composition and the schema checks read a subgraph's schema only
 * through here. Line numbers within schema.graphql are the same in both, as the file comes first.
 */
export function subgraphSdl(subgraph: SubgraphModule): string {
  return subgraph.typeDefs;
}
