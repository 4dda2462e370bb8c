import { runSubgraph } from '@nsc-hub/shared';
import { forumsSubgraph } from './index';

runSubgraph(forumsSubgraph);
