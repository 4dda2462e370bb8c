import { loadAll } from '@nsc-hub/shared';
import type { ForumsContext } from '../context';

/** `sources` of any seeded record, through the request's loader. */
export const sourcesOf = (record: { sourceIds: string[] }, _args: unknown, { loaders }: ForumsContext) => loadAll(loaders.sourceById, record.sourceIds);
