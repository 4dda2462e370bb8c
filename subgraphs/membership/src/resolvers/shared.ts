import { loadAll } from '@nsc-hub/shared';
import type { SourceEntity } from '../entities/SourceEntity';
import type { MembershipContext } from '../context';

export { loadAll, loadRequired } from '@nsc-hub/shared';

export const sourcesOf = (record: { sourceIds: string[] }, _args: unknown, { loaders }: MembershipContext): Promise<SourceEntity[]> =>
  loadAll(loaders.sourceById, record.sourceIds);
