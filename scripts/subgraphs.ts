import type { SubgraphModule } from '@nsc-hub/shared';
import { forumsSubgraph } from '@nsc-hub/forums';
import { knowledgeSubgraph } from '@nsc-hub/knowledge';
import { membershipSubgraph } from '@nsc-hub/membership';

/** Every subgraph of the hub, in start order. A new subgraph is added here (see README). */
export const SUBGRAPHS: readonly SubgraphModule[] = [membershipSubgraph, knowledgeSubgraph, forumsSubgraph];
