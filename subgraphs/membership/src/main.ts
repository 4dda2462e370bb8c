import { runSubgraph } from '@nsc-hub/shared';
import { membershipSubgraph } from './index';

runSubgraph(membershipSubgraph);
