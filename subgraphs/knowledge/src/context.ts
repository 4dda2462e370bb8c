import type { DataSource } from 'typeorm';
import type { Caller, RequestContextBase } from '@nsc-hub/shared';
import type { Loaders } from './loaders';

export interface KnowledgeContext extends RequestContextBase {
  readonly caller: Caller;
  readonly db: DataSource;
  readonly loaders: Loaders;
}
