import { runSubgraph } from '@nsc-hub/shared';
import { knowledgeSubgraph } from './index';

runSubgraph(knowledgeSubgraph);
