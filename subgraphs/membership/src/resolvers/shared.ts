import type DataLoader from 'dataloader';
import { ERRORS } from '@nsc-hub/shared';
import type { SourceEntity } from '../entities/SourceEntity';
import type { MembershipContext } from '../context';

/**
 * Loads every key and drops the ones with no record (a dangling reference is not the client's
 * problem); a failed load is an error, never a silently shorter list.
 */
export async function loadAll<V>(loader: DataLoader<string, V | null>, keys: readonly string[]): Promise<V[]> {
  const rows = await loader.loadMany(keys);
  const failure = rows.find((row): row is Error => row instanceof Error);
  if (failure) throw failure;
  return rows.filter((row): row is V => row !== null);
}

/** Loads a reference that the schema promises is there; its absence is a broken invariant, not input. */
export async function loadRequired<V>(loader: DataLoader<string, V | null>, key: string, what: string): Promise<V> {
  const row = await loader.load(key);
  if (row === null) throw ERRORS.INTERNAL_SERVER_ERROR.err(`${what} "${key}" is missing`);
  return row;
}

export const sourcesOf = (record: { sourceIds: string[] }, _args: unknown, { loaders }: MembershipContext): Promise<SourceEntity[]> =>
  loadAll(loaders.sourceById, record.sourceIds);
