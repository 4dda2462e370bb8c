import type { SubgraphContext } from '@nsc-hub/shared';
import type { Loaders } from './loaders';
import type { Directory } from './directory';

export interface ForumsContext extends SubgraphContext {
  readonly loaders: Loaders;
  /** The membership and knowledge subgraphs, asked before a write references their records. */
  readonly directory: Directory;
}
