// Under NODE_ENV=production the explorer is still served, but the schema is not shown to anyone
// who has not signed in: the page asks for a token before it asks for the schema, the API
// refuses introspection to anonymous callers, and a member who pastes a token gets the
// documentation (GraphiQL's whole introspection query passing the request limits). As in
// production by default, anonymous visitors run the trusted documents only: the examples do.
import { rmSync } from 'node:fs';
import { DEFAULT_PERSISTED_OPERATIONS_PATH } from '@nsc-hub/gateway/src/config';
import { PRODUCTION_MODE, errorCodes, graphqlRequest, tokenFor } from '@nsc-hub/shared/src/testing';
import { getIntrospectionQuery } from 'graphql';
import type { Request } from 'playwright-core';
import { startHub, type RunningHub } from './helpers/startHub';
import { freshExplorerBuild, openBrowser, type OpenBrowser } from './helpers/openBrowser';

jest.setTimeout(120_000);

let hub: RunningHub;
let browser: OpenBrowser;
let explorerDir: string;
beforeAll(async () => {
  explorerDir = await freshExplorerBuild();
  hub = await startHub({ mode: PRODUCTION_MODE, gateway: { explorerDir, persistedOperations: { mode: 'only', path: DEFAULT_PERSISTED_OPERATIONS_PATH } } });
  browser = await openBrowser(hub.origin);
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
  rmSync(explorerDir, { recursive: true, force: true });
});

const asksForSchema = (request: Request) => request.method() === 'POST' && (request.postData() ?? '').includes('__schema');

test('the API answers introspection for members, editors and admins, and refuses it to anonymous callers', async () => {
  const query = getIntrospectionQuery();
  for (const token of [await tokenFor('member'), await tokenFor('editor', 'NO'), await tokenFor('admin')]) {
    const res = await graphqlRequest(hub.url, query, { token });
    expect(res.errors).toBeUndefined();
    expect((res.data as { __schema: { types: unknown[] } }).__schema.types.length).toBeGreaterThan(50);
  }
  // Refused twice over: not a trusted document, and introspection (production-mode.test.ts shows
  // the second alone, with every document allowed).
  const anonymous = await graphqlRequest(hub.url, query);
  expect(errorCodes(anonymous)).toEqual(['PERSISTED_OPERATION_REQUIRED']);
  expect(anonymous.data).toBeUndefined();
  expect(JSON.stringify(anonymous)).not.toMatch(/CityConnection|ContactPerson/);
});

test('the page asks an anonymous visitor to sign in and sends no introspection until then; a member token brings the documentation', async () => {
  const page = await browser.context.newPage();
  const schemaRequests: Request[] = [];
  page.on('request', (request) => {
    if (asksForSchema(request)) schemaRequests.push(request);
  });
  await page.goto(`${hub.origin}/`);
  const panel = page.getByRole('region', { name: 'Sign in' });
  await panel.getByText('shown to signed-in members, editors and admins only').waitFor();
  // Anonymous visitors run the trusted documents: an example does, the page's own sample not.
  const run = async () => {
    const answered = page.waitForResponse((res) => res.url() === hub.url && res.request().method() === 'POST');
    await page.getByRole('button', { name: /Execute query/ }).click();
    return (await (await answered).json()) as { data?: Record<string, { total?: number }>; errors?: { extensions: { code: string } }[] };
  };
  expect((await run()).errors?.map((error) => error.extensions.code)).toEqual(['PERSISTED_OPERATION_REQUIRED']);
  await page.getByRole('button', { name: 'Show Examples' }).click();
  await page.locator('[data-example="EventsByForumAndYear"]').click();
  await page.waitForURL((url) => url.searchParams.get('query')?.includes('EventsByForumAndYear') === true);
  expect((await run()).data?.eventStats?.total).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Show Sign in' }).click();
  expect(schemaRequests).toHaveLength(0);

  await panel.getByRole('textbox', { name: 'Token' }).fill('not a token');
  await panel.getByRole('button', { name: 'Sign in' }).click();
  await panel.getByRole('alert').getByText('That is not a token').waitFor();
  expect(schemaRequests).toHaveLength(0);

  const introspected = page.waitForResponse((res) => asksForSchema(res.request()));
  await panel.getByRole('textbox', { name: 'Token' }).fill(`Bearer ${await tokenFor('member')}`);
  await panel.getByRole('button', { name: 'Sign in' }).click();
  const response = await introspected;
  expect(response.status()).toBe(200);
  expect(response.request().headers().authorization).toMatch(/^Bearer ey/);
  expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
  await panel.getByText('test-member (member').waitFor();

  await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
  await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).click();
  await page.locator('.graphiql-doc-explorer').getByText('cities', { exact: true }).waitFor();
  await page.close();
  expect(browser.outsideRequests).toEqual([]);
});

test('a token typed into the headers editor signs in too', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${hub.origin}/`);
  await page.getByRole('region', { name: 'Sign in' }).waitFor();
  await page.getByRole('button', { name: 'Headers' }).click();
  await page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden) .monaco-editor').click();
  const introspected = page.waitForResponse((res) => asksForSchema(res.request()));
  // Typed as a person would; the editor closes brackets and quotes itself, so only the opening ones are typed.
  await page.keyboard.insertText(`{"Authorization": "Bearer ${await tokenFor('admin')}"}`);
  const response = await introspected;
  expect(response.request().headers().authorization).toMatch(/^Bearer ey/);
  expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
  await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
  await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).waitFor();
  await page.close();
  expect(browser.outsideRequests).toEqual([]);
});
