// `npm run query -- <file> --all-pages --format csv --out <file>` on a list of more cities than one
// page holds: one CSV row per city, the same cities the list query gives page by page, a header of
// dotted columns, Nordic letters intact, and a byte-order mark only when asked. A query the hub
// refuses exits non-zero and leaves no file, not even a partial one.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { GraphQLResponse } from '@nsc-hub/shared/src/testing';
import { REPO_ROOT } from '../scripts/repoRoot';
import { startHub, type RunningHub } from './helpers/startHub';

let hub: RunningHub;
let dir: string;
const EXTRA_CITIES = 130;

beforeAll(async () => {
  hub = await startHub();
  dir = mkdtempSync(path.join(os.tmpdir(), 'nsc-hub-query-'));
  // More cities than a page of 100 holds, with names only Nordic letters spell.
  await hub.subgraphs.membership.dataSource.query(
    `INSERT INTO membership.cities (id, name, native_name, country_code, owner)
     SELECT 'se-orebro-' || n, 'Örebro ' || n, 'Ærøskøbing Åby ' || n, 'SE', 'SE' FROM generate_series(1, $1::int) AS n`,
    [EXTRA_CITIES],
  );
});
afterAll(async () => {
  await hub?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs the command; asynchronously, as the hub answering it runs in this process. */
function query(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npm', ['run', '--silent', 'query', '--', ...args, '--url', hub.url], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

/** Every city id, walking the list query page by page. */
async function walkCities(): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  do {
    const res: GraphQLResponse<{ cities: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string } }[] } }> = await hub.query<{ cities: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string } }[] } }>(
      'query ($after: String) { cities(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }',
      { after },
    );
    expect(res.errors).toBeUndefined();
    ids.push(...res.data!.cities.edges.map((e) => e.node.id));
    after = res.data!.cities.pageInfo.hasNextPage ? res.data!.cities.pageInfo.endCursor : null;
  } while (after);
  return ids;
}

test('every city, one row each, as the list query gives them; a header; Nordic letters intact', async () => {
  const file = path.join(dir, 'cities.graphql');
  writeFileSync(file, '{ cities(first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name nativeName country { code } memberships { network { name } } } } } }');
  const out = path.join(dir, 'cities.csv');
  const result = await query([file, '--all-pages', '--format', 'csv', '--out', out]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);

  const text = readFileSync(out, 'utf8');
  expect(text.charCodeAt(0)).not.toBe(0xfeff);
  const [header, ...rows] = parseCsv(text) as string[][];
  expect(header).toEqual(['node.id', 'node.name', 'node.nativeName', 'node.country.code', 'node.memberships.network.name']);
  const walked = await walkCities();
  // More than one page of 100, so the export had to follow the cursor.
  expect(walked.length).toBeGreaterThan(100);
  expect(rows.map((r) => r[0])).toEqual(walked);
  expect(rows).toContainEqual(['se-orebro-7', 'Örebro 7', 'Ærøskøbing Åby 7', 'SE', '']);
  expect(rows).toContainEqual(['dk-copenhagen', 'Copenhagen', 'København', 'DK', 'Nordic Safe Cities; Strong Cities Network']);
});

test('--bom starts the file with a byte-order mark, for Excel', async () => {
  const file = path.join(dir, 'one.graphql');
  writeFileSync(file, '{ city(id: "dk-copenhagen") { name nativeName } }');
  const out = path.join(dir, 'one.csv');
  expect((await query([file, '--format', 'csv', '--bom', '--out', out])).status).toBe(0);
  expect(readFileSync(out, 'utf8')).toBe('\uFEFFname,nativeName\r\nCopenhagen,København\r\n');
});

test('a query the hub refuses: the error printed, exit 1, no file and no partial file', async () => {
  const file = path.join(dir, 'bad.graphql');
  writeFileSync(file, '{ cities(first: 1000) { totalCount } }');
  const out = path.join(dir, 'bad.csv');
  const before = readdirSync(dir);
  const result = await query([file, '--format', 'csv', '--out', out]);
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/^error \[BAD_USER_INPUT\]: "first" must be between 0 and 100, got 1000/);
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(dir)).toEqual(before);
});
