import { isRecord, valueAt } from './valueAt';

/** The hub's two shapes of a list in an object: a connection's `edges`, an aggregate's `rows`. */
const ROW_LISTS = ['edges', 'rows'];

/**
 * The rows a table of a result is made of: the list at `path` (dotted, from `data`), or else the
 * one root field's. A connection gives its edges, an aggregate (`membershipStats`) its rows, a
 * list its items, an object one row; with several root fields and no path, the whole answer is
 * one row.
 */
export function rowsOf(data: Record<string, unknown> | null | undefined, path?: string): unknown[] {
  if (!data) return [];
  let value: unknown;
  if (path) {
    value = valueAt(data, path.split('.'));
    if (value === undefined) throw new Error(`the answer has nothing at "${path}"`);
  } else {
    const keys = Object.keys(data);
    value = keys.length === 1 ? data[keys[0]] : data;
  }
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value;
  if (isRecord(value)) {
    const record = value;
    const list = ROW_LISTS.find((name) => Array.isArray(record[name]));
    if (list) return record[list] as unknown[];
  }
  return [value];
}
