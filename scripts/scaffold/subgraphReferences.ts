import type { SubgraphModule } from '@nsc-hub/shared';
import { composeSupergraph } from '../composeSupergraph';
import { supergraphJoins } from '@nsc-hub/gateway';

/**
 * The other subgraphs that reference a subgraph's types: for each type whose home is that
 * subgraph alone (it resolves most of its fields), the subgraphs that declare it too, to add
 * fields to it or to point at it. Removing the subgraph would leave them pointing at nothing.
 */
export function subgraphReferences(subgraphs: readonly SubgraphModule[], name: string): Map<string, string[]> {
  const composition = composeSupergraph(subgraphs);
  if (!composition.ok) throw new Error(`the graph does not compose as it is, so what references ${name} cannot be told:\n${composition.errors.join('\n')}`);
  const joins = supergraphJoins(composition.supergraphSdl);
  const referencing = new Map<string, string[]>();
  for (const type of joins.objectTypes()) {
    if (joins.roots.has(type.name)) continue;
    const home = joins.homeGraphs(type);
    if (home.size !== 1 || !home.has(name)) continue;
    for (const other of joins.typeGraphs(type)) {
      if (other !== name) referencing.set(other, [...(referencing.get(other) ?? []), type.name]);
    }
  }
  return referencing;
}
