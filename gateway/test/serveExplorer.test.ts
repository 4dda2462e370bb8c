import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import express from 'express';
import pino from 'pino';
import { serveExplorer, type ExplorerOptions } from '../src/serveExplorer';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The explorer's routes in front of a stand-in GraphQL endpoint that answers `graphql`. */
async function serve(options: Partial<ExplorerOptions> & { built: boolean }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'explorer-dist-'));
  dirs.push(dir);
  if (options.built) {
    writeFileSync(path.join(dir, 'explorer.js'), 'console.log("explorer")');
    writeFileSync(path.join(dir, 'explorer.js.br'), brotliCompressSync('console.log("explorer")'));
  }
  const explorer = serveExplorer({ dir, introspection: options.introspection ?? 'everyone', log: pino({ level: 'silent' }) });
  const app = express();
  app.use(explorer.router);
  app.use('/graphql', explorer.forBrowsers, (_req, res) => {
    res.type('text/plain').send('graphql');
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (url: string, accept = '*/*', encoding = 'identity') => {
    const res = await fetch(`${origin}${url}`, { headers: { accept, 'accept-encoding': encoding } });
    return { status: res.status, headers: res.headers, body: await res.text() };
  };
  return { get, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

test('the page loads only from its own origin and tells the page how introspection is allowed', async () => {
  const site = await serve({ built: true, introspection: 'signed-in' });
  const page = await site.get('/', BROWSER_ACCEPT);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'.*script-src 'self'.*connect-src 'self'/);
  expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  expect(page.body).toContain('{"endpoint":"/graphql","assets":"/explorer/","introspection":"signed-in"}');
  expect(page.body).not.toMatch(/https?:\/\//);
  expect((await site.get('/explorer/explorer.js')).body).toBe('console.log("explorer")');
  expect((await site.get('/explorer/nothing.js')).status).toBe(404);
  // Compressed at build time, sent as such to a browser that takes it.
  const compressed = await site.get('/explorer/explorer.js', '*/*', 'gzip, deflate, br');
  expect(compressed.headers.get('content-encoding')).toBe('br');
  expect(compressed.headers.get('content-type')).toMatch(/javascript/);
  expect(compressed.body).toBe('console.log("explorer")');
  await site.close();
});

test('GET /graphql gives a browser the page and every other client the GraphQL endpoint', async () => {
  const site = await serve({ built: true });
  const page = await site.get('/graphql', BROWSER_ACCEPT);
  expect(page.body).toContain('<div id="explorer">');
  expect(page.headers.get('vary')).toBe('Accept');
  expect((await site.get('/graphql?query=%7B__typename%7D', BROWSER_ACCEPT)).body).toContain('<div id="explorer">');
  for (const accept of ['*/*', 'application/json', 'application/graphql-response+json, application/json;q=0.9']) {
    expect((await site.get('/graphql', accept)).body).toBe('graphql');
  }
  await site.close();
});

test('an unbuilt explorer answers 503 saying how to build it', async () => {
  const site = await serve({ built: false });
  const page = await site.get('/', BROWSER_ACCEPT);
  expect(page.status).toBe(503);
  expect(page.body).toContain('npm run build -w explorer');
  await site.close();
});
