import { runSubgraph } from '@nsc-hub/shared';
import { denmarkSubgraph } from './index';

runSubgraph(denmarkSubgraph);
