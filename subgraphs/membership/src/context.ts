import type { DataSource } from 'typeorm';
import type { SubgraphContextBase } from '@nsc-hub/shared';
import type { Loaders } from './loaders';

export interface MembershipContext extends SubgraphContextBase {
  readonly db: DataSource;
  readonly loaders: Loaders;
}
