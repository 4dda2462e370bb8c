/** Where the graph's changes are recorded, relative to the repository. */
export const CHANGELOG_PATH = 'schema/CHANGELOG.md';

/**
 * The schema paths schema/CHANGELOG.md records, each with its line. An entry is a list item
 * (`- …`, `* …`) or a table row (`| … |`) whose FIRST code span is the path exactly as
 * `npm run schema:check` prints it (`City.population`, `City.events.first`, `Audience.POLICE`,
 * `City`), followed by what changed and why, outside fenced code blocks. An argument list after a field is ignored, so
 * `` `City.events(first, after)` `` records `City.events`. Later code spans on the line (the old
 * and new type in a table) are not paths.
 */
export function changelogEntries(markdown: string): Map<string, string> {
  const entries = new Map<string, string>();
  let fenced = false;
  for (const raw of markdown.split('\n')) {
    const line = raw.trim();
    // Examples in fenced code blocks (the convention's own, in the changelog) record nothing.
    if (line.startsWith('```')) fenced = !fenced;
    if (fenced || !/^([-*]\s|\|)/.test(line)) continue;
    const span = /`([^`]+)`/.exec(line);
    if (!span) continue;
    const candidate = span[1].trim().replace(/\(.*\)$/, '');
    if (!/^[_A-Za-z]\w*(\.[_A-Za-z]\w*){0,2}$/.test(candidate)) continue;
    // The rest of the line is the reason: a bare path is no entry.
    const rest = line.replace(span[0], '').replace(/[-*|\s]/g, '');
    if (rest.length === 0) continue;
    if (!entries.has(candidate)) entries.set(candidate, line);
  }
  return entries;
}
