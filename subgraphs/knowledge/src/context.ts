import type { SubgraphContext } from '@nsc-hub/shared';
import type { Loaders } from './loaders';

export interface KnowledgeContext extends SubgraphContext {
  readonly loaders: Loaders;
}
