import { isRecord, valueAt } from './valueAt';

/** A cell of a flattened row: what a CSV cell or a spreadsheet can hold. */
export type Cell = string | number | boolean | null;

export interface FlatTable {
  /** Dotted paths (`node.country.code`), in the order they first appear. */
  readonly columns: string[];
  readonly records: Record<string, Cell>[];
}

export interface FlattenOptions {
  /** Paths of lists (relative to a row, e.g. `node.memberships`) that become one row per item. */
  readonly explode?: readonly string[];
  /** How the values of a list share one cell. */
  readonly separator?: string;
}


/**
 * Flattens GraphQL result rows for a table: nested objects become dotted columns
 * (`node.country.code`), lists share one cell joined by `; ` (a list of objects gives each of its
 * columns the items' values in order, an empty place for a null, so the columns line up), and a list named in `explode` gives one row per item, the
 * row's other columns repeated. Pure: the CLI and the explorer's download use the same code.
 */
export function flattenRows(rows: readonly unknown[], options: FlattenOptions = {}): FlatTable {
  const separator = options.separator ?? '; ';
  const explode = [...(options.explode ?? [])];
  const columns = new Set<string>();
  const records: Record<string, Cell>[] = [];
  for (const row of rows) {
    for (const variant of exploded(row, explode)) {
      const record: Record<string, Cell> = {};
      flattenInto(variant, '', record, separator);
      for (const key of Object.keys(record)) columns.add(key);
      records.push(record);
    }
  }
  // An empty list or object leaves a placeholder column; where other rows filled it in with
  // columns of their own (`node.memberships.status`), the placeholder goes.
  const all = [...columns];
  const kept = all.filter((column) => !all.some((other) => other.startsWith(`${column}.`)));
  for (const record of records) for (const column of all) if (!kept.includes(column)) delete record[column];
  return { columns: kept, records };
}

/** The row once per item of each exploded list (an empty or missing list keeps the row once). */
function exploded(row: unknown, paths: string[]): unknown[] {
  if (paths.length === 0) return [row];
  const [first, ...rest] = paths;
  const keys = first.split('.');
  const list = valueAt(row, keys);
  if (!Array.isArray(list) || list.length === 0) return exploded(row, rest);
  return list.flatMap((item) => exploded(replaceAt(row, keys, item), rest));
}

function replaceAt(value: unknown, keys: string[], item: unknown): unknown {
  if (keys.length === 0) return item;
  if (!isRecord(value)) return value;
  return { ...value, [keys[0]]: replaceAt(value[keys[0]], keys.slice(1), item) };
}

function flattenInto(value: unknown, prefix: string, record: Record<string, Cell>, separator: string): void {
  if (Array.isArray(value)) {
    const items = value.map((item) => {
      const flat: Record<string, Cell> = {};
      flattenInto(item, prefix, flat, separator);
      return flat;
    });
    const keys = [...new Set(items.flatMap((flat) => Object.keys(flat)))];
    if (keys.length === 0 && prefix) record[prefix] = null;
    for (const key of keys) {
      // Every item keeps its place (an empty one for a null), so the columns of one list line up.
      const values = items.map((flat) => flat[key] ?? null);
      record[key] = values.every((v) => v === null) ? null : values.map((v) => (v === null ? '' : String(v))).join(separator);
    }
    return;
  }
  if (isRecord(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && prefix) record[prefix] = null;
    for (const [key, child] of entries) flattenInto(child, prefix ? `${prefix}.${key}` : key, record, separator);
    return;
  }
  record[prefix || 'value'] = value === undefined ? null : (value as Cell);
}
