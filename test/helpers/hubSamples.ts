import path from 'node:path';
import type { SubgraphModule } from '@nsc-hub/shared';
import type { HubSamples } from '@nsc-hub/shared/src/testing';

/** A subgraph's samples for the whole-hub tests, from its own `test/hubSamples.ts`. */
export function hubSamplesOf(subgraph: SubgraphModule): HubSamples {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- each subgraph keeps its samples in its own folder
  const { hubSamples } = require(path.join(subgraph.dir, 'test', 'hubSamples')) as { hubSamples?: HubSamples };
  if (!hubSamples) throw new Error(`subgraphs/${path.basename(subgraph.dir)}/test/hubSamples.ts must export hubSamples`);
  return hubSamples;
}
