import DataLoader from 'dataloader';
import { ERRORS } from './errors';

/**
 * A DataLoader for records by key: one query per batch, results in key order, null where a key
 * has no record. Built per request, so nothing is cached across callers.
 *
 * It also keeps what it has settled, so `now` answers a key this request already read (loaded, or
 * primed by a statement that read it along the way) with the record itself rather than a promise
 * of it: a resolver returning a value lets graphql-js complete the field at once, where a promise
 * costs an extra turn and, for each object holding one, a promise for the whole object.
 */
export class KeyLoader<K extends string | number, V> extends DataLoader<K, V | null> {
  private readonly settled: Map<K, V | null>;

  constructor(fetch: (keys: K[]) => Promise<V[]>, keyOf: (row: V) => K) {
    const settled = new Map<K, V | null>();
    super(async (keys) => {
      const byKey = new Map<K, V>();
      for (const row of await fetch([...new Set(keys)])) byKey.set(keyOf(row), row);
      return keys.map((key) => {
        const row = byKey.get(key) ?? null;
        settled.set(key, row);
        return row;
      });
    });
    this.settled = settled;
  }

  /** The record (or null) if this request already read it, else the promise of it. */
  now(key: K): V | null | Promise<V | null> {
    return this.settled.has(key) ? (this.settled.get(key) as V | null) : this.load(key);
  }

  override prime(key: K, value: V | null | Error | PromiseLike<V | null>): this {
    if (!this.settled.has(key) && value !== null && typeof value === 'object' && !(value instanceof Error) && !('then' in value)) this.settled.set(key, value);
    return super.prime(key, value);
  }
}

export function createKeyLoader<K extends string | number, V>(fetch: (keys: K[]) => Promise<V[]>, keyOf: (row: V) => K): KeyLoader<K, V> {
  return new KeyLoader(fetch, keyOf);
}

/** The rows of each key, in the order they came. */
export function groupBy<K, V>(rows: Iterable<V>, keyOf: (row: V) => K): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** A DataLoader for the rows that belong to each key (e.g. memberships by city): one query per batch. */
export function createGroupLoader<K extends string | number, V>(fetch: (keys: K[]) => Promise<V[]>, groupOf: (row: V) => K): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const groups = groupBy(await fetch([...new Set(keys)]), groupOf);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** For list fields with arguments: the arguments become part of the key, compared by value. */
export function createArgsLoader<K extends object, V>(batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V, string> {
  return new DataLoader<K, V, string>(async (keys) => batch(keys), { cacheKeyFn: (key) => JSON.stringify(key) });
}

/**
 * Keys of a paged list loader (`owner` plus page arguments), grouped by everything but the owner:
 * each group is answered by one statement, however many owners it holds.
 */
export function groupByPageArgs<K extends { readonly owner: string }>(keys: readonly K[]): K[][] {
  return [...groupBy(keys, ({ owner: _owner, ...args }) => JSON.stringify(args)).values()];
}

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
export function loadRequired<V>(loader: DataLoader<string, V | null>, key: string, what: string): V | Promise<V> {
  const row = loader instanceof KeyLoader ? (loader.now(key) as V | null | Promise<V | null>) : loader.load(key);
  // No closure unless there is a promise: this runs for every row of a long list, mostly with the
  // record at hand (`now`).
  return row instanceof Promise ? row.then((settled) => present(settled, key, what)) : present(row, key, what);
}

function present<V>(row: V | null, key: string, what: string): V {
  if (row === null) throw ERRORS.INTERNAL_SERVER_ERROR.err(`${what} "${key}" is missing`);
  return row;
}

/** Loads an optional reference: null where the record names none. */
export function loadOptional<V>(loader: DataLoader<string, V | null>, key: string | null | undefined): V | null | Promise<V | null> {
  if (!key) return null;
  return loader instanceof KeyLoader ? (loader.now(key) as V | null | Promise<V | null>) : loader.load(key);
}
