import { stringify } from 'csv-stringify/sync';
import type { FlatTable } from './flattenRows';

export interface CsvOptions {
  /** A byte order mark first, so Excel reads the file as UTF-8 (Æ Ø Å Ä Ö intact). */
  readonly bom?: boolean;
}

/**
 * RFC 4180 CSV of a flattened table: a header row, CRLF line ends, quotes where a cell needs them;
 * nothing at all for a table without columns. The CLI and the explorer's download write the same.
 */
export function toCsv(table: FlatTable, options: CsvOptions = {}): string {
  if (table.columns.length === 0) return '';
  const csv = stringify(table.records, {
    header: true,
    columns: table.columns,
    cast: { boolean: (value) => String(value), number: (value) => String(value) },
    record_delimiter: '\r\n',
  });
  return `${options.bom ? '\uFEFF' : ''}${csv}`;
}
