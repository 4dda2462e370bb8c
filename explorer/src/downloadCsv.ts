import { flattenRows, rowsOf, toCsv } from '@nsc-hub/shared/src/export';

/**
 * The CSV of a response shown in the explorer: its `data` flattened exactly as
 * `npm run query -- --format csv` does (dotted columns, lists joined by `; `), with a byte order
 * mark so spreadsheet programs read Æ Ø Å Ä Ö right. Null when the response has no data.
 */
export function csvOfResponse(response: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(response);
  } catch {
    return null;
  }
  const data = (parsed as { data?: Record<string, unknown> | null } | null)?.data;
  if (!data) return null;
  return toCsv(flattenRows(rowsOf(data)), { bom: true });
}

/** Saves text as a file through the browser's download. */
export function saveFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
