import type { SubgraphContext } from '@nsc-hub/shared';
import type { Loaders } from './loaders';

export interface MembershipContext extends SubgraphContext {
  readonly loaders: Loaders;
}
