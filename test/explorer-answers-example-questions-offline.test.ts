// The analysts' explorer, in a real browser on a network without internet: the gateway serves the
// whole page (GraphiQL, editors, workers, styles, fonts) itself, the menu offers every example
// question of operations/examples, an example runs and its answer downloads as CSV, the page's
// address carries the query and variables so a link brings them back, and the documentation
// explorer shows the schema.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Page, Response } from 'playwright-core';
import { startHub, type RunningHub } from './helpers/startHub';
import { freshExplorerBuild, openBrowser, type OpenBrowser } from './helpers/openBrowser';

jest.setTimeout(120_000);

const EXAMPLES_DIR = path.join(__dirname, '..', 'operations', 'examples');
/** `UPDATE_SCREENSHOTS=1 npm test` refreshes the README's picture of the explorer. */
const SCREENSHOT = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(__dirname, '..', 'docs', 'explorer.png') : path.join(os.tmpdir(), 'nsc-hub-explorer.png');

let hub: RunningHub;
let browser: OpenBrowser;
let explorerDir: string;
const pageErrors: string[] = [];
beforeAll(async () => {
  explorerDir = await freshExplorerBuild();
  hub = await startHub({ gateway: { explorerDir } });
  browser = await openBrowser(hub.origin);
  mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
  rmSync(explorerDir, { recursive: true, force: true });
});

async function openExplorer(address = '/'): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(`${hub.origin}${address}`);
  await page.locator('.graphiql-container').waitFor();
  return page;
}

/** What the operation editor shows (Monaco draws spaces as no-break spaces). */
async function editorText(page: Page, editor: string): Promise<string> {
  return (await page.locator(`${editor} .view-lines`).innerText()).replace(/\u00a0/g, ' ');
}

function run(page: Page): Promise<Response> {
  const answered = page.waitForResponse((res) => res.url() === hub.url && res.request().method() === 'POST' && !res.request().postData()?.includes('__schema'));
  return page.getByRole('button', { name: /Execute query/ }).click().then(() => answered);
}

test('the menu offers every example question and one runs, its answer downloading as CSV', async () => {
  const page = await openExplorer();
  await page.getByRole('button', { name: 'Show Examples' }).click();
  const files = readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.graphql'));
  const offered = await page.locator('button.nsc-example').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-example')));
  expect(offered.sort()).toEqual(files.map((file) => path.basename(file, '.graphql')).sort());

  await page.locator('[data-example="MembershipsByCountryAndNetwork"]').click();
  const file = readFileSync(path.join(EXAMPLES_DIR, 'MembershipsByCountryAndNetwork.graphql'), 'utf8');
  expect(await editorText(page, '.graphiql-query-editor')).toContain('membershipStats(groupBy: [COUNTRY, NETWORK, STATUS])');
  // The address now carries the query: copied, it opens the same question.
  await page.waitForURL((url) => url.searchParams.get('query') === file);

  const answer = (await (await run(page)).json()) as {
    errors?: unknown[];
    data: { membershipStats: { total: number; rows: { key: { country: { code: string; name: string } | null; network: { name: string } | null; status: string | null }; count: number }[] } };
  };
  expect(answer.errors).toBeUndefined();
  const rows = answer.data.membershipStats.rows;
  expect(rows.length).toBeGreaterThan(5);
  await page.locator('.graphiql-response').getByText('"membershipStats"').waitFor();
  await page.screenshot({ path: SCREENSHOT });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('MembershipsByCountryAndNetwork.csv');
  const bytes = readFileSync((await download.path())!);
  // A byte order mark for spreadsheet programs, then UTF-8 with the Nordic letters intact.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const records = parseCsv(bytes.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
  expect(records).toHaveLength(rows.length);
  rows.forEach((row, i) => {
    expect(records[i].count).toBe(String(row.count));
    expect(records[i]['key.country.name']).toBe(row.key.country?.name ?? '');
    expect(records[i]['key.network.name']).toBe(row.key.network?.name ?? '');
    expect(records[i]['key.status']).toBe(row.key.status ?? '');
  });
  const nordic = rows.map((row) => row.key.country?.name ?? '').find((name) => /[^\x00-\x7f]/.test(name));
  if (nordic) expect(records.some((record) => record['key.country.name'] === nordic)).toBe(true);
  await page.close();
});

test('a link with a query and variables opens them, and they run as written', async () => {
  const query = 'query SharedCities($first: Int!) {\n  cities(first: $first) {\n    edges { node { name } }\n  }\n}';
  const page = await openExplorer(`/?${new URLSearchParams({ query, variables: '{"first": 3}' })}`);
  expect(await editorText(page, '.graphiql-query-editor')).toContain('query SharedCities($first: Int!)');
  expect(await editorText(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden)')).toContain('"first": 3');
  const answer = (await (await run(page)).json()) as { data: { cities: { edges: unknown[] } } };
  expect(answer.data.cities.edges).toHaveLength(3);
  await page.close();
});

test('the documentation explorer shows the schema, and a browser asking /graphql for HTML gets the page', async () => {
  const page = await openExplorer('/graphql');
  await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
  await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).click();
  await page.locator('.graphiql-doc-explorer').getByText('membershipStats', { exact: true }).waitFor();
  await page.close();
});

test('nothing was asked of any other host, and the pages logged no errors', () => {
  expect(browser.outsideRequests).toEqual([]);
  expect(pageErrors).toEqual([]);
});
