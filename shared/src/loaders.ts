import DataLoader from 'dataloader';

/**
 * A DataLoader for records by key: one query per batch, results in key order, null where a key
 * has no record. Built per request, so nothing is cached across callers.
 */
export function createKeyLoader<K extends string | number, V>(fetch: (keys: K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const byKey = new Map<K, V>();
    for (const row of await fetch([...new Set(keys)])) byKey.set(keyOf(row), row);
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** A DataLoader for the rows that belong to each key (e.g. memberships by city): one query per batch. */
export function createGroupLoader<K extends string | number, V>(fetch: (keys: K[]) => Promise<V[]>, groupOf: (row: V) => K): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const groups = new Map<K, V[]>();
    for (const row of await fetch([...new Set(keys)])) {
      const key = groupOf(row);
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** For list fields with arguments: the arguments become part of the key, compared by value. */
export function createArgsLoader<K extends object, V>(batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V, string> {
  return new DataLoader<K, V, string>(async (keys) => batch(keys), { cacheKeyFn: (key) => JSON.stringify(key) });
}
