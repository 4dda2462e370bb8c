import type { SubgraphModule } from '@nsc-hub/shared';
import { discoverSubgraphs } from './discoverSubgraphs';
import { REPO_ROOT } from './hubDatabase';

/** Every subgraph of the hub, in start order: found in `subgraphs/*` (see discoverSubgraphs). */
export const SUBGRAPHS: readonly SubgraphModule[] = discoverSubgraphs(REPO_ROOT);
