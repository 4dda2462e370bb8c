import type DataLoader from 'dataloader';
import { ERRORS } from '@nsc-hub/shared';
import type { SourceEntity } from '../entities/SourceEntity';
import type { MembershipContext } from '../context';

/** Loads every key and drops the ones with no record (a dangling reference is not the client's problem). */
export async function loadAll<V>(loader: DataLoader<string, V | null>, keys: readonly string[]): Promise<V[]> {
  const rows = await loader.loadMany(keys);
  return rows.filter((row): row is V => row !== null && !(row instanceof Error));
}

/** Loads a reference that the schema promises is there; its absence is a broken invariant, not input. */
export async function loadRequired<V>(loader: DataLoader<string, V | null>, key: string, what: string): Promise<V> {
  const row = await loader.load(key);
  if (row === null) throw ERRORS.INTERNAL_SERVER_ERROR.err(`${what} "${key}" is missing`);
  return row;
}

export const sourcesOf = (record: { sourceIds: string[] }, _args: unknown, { loaders }: MembershipContext): Promise<SourceEntity[]> =>
  loadAll(loaders.sourceById, record.sourceIds);
