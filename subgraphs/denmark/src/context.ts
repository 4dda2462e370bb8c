import type { SubgraphContext } from '@nsc-hub/shared';
import type { Loaders } from './loaders';

export interface DenmarkContext extends SubgraphContext {
  readonly loaders: Loaders;
}
