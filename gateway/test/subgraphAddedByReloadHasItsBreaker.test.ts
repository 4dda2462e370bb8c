// A subgraph that first appears in a reloaded supergraph gets a circuit breaker like the others:
// the one its requests go through is the one /readyz reports, so once it has failed enough to
// open, /readyz says `open` and requests to it fail fast. Every subgraph here is a port where
// nothing listens: the gateway's own behaviour is all that is looked at.
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { request } from 'undici';
import { TEST_JWT, TEST_MODE, TEST_SUBGRAPH_SECRET, freePort } from '@nsc-hub/shared/src/testing';
import { composeSupergraph } from '../../scripts/composeSupergraph';
import { SUBGRAPHS } from '../../scripts/subgraphs';
import { createGateway, loadConfig, type Gateway } from '../src';

let dir: string;
let file: string;
let gateway: Gateway | undefined;
let origin: string;
/** Where each subgraph is called: a port where nothing listens, the same in every supergraph here. */
const ports = new Map<string, number>();

/** The subgraphs' supergraph, each called at a port where nothing listens. */
async function supergraphOf(names: readonly string[]): Promise<string> {
  const composed = composeSupergraph(SUBGRAPHS.filter((s) => names.includes(s.name)));
  if (!composed.ok) throw new Error(composed.errors.join('\n'));
  for (const name of names) if (!ports.has(name)) ports.set(name, await freePort());
  return composed.supergraphSdl.replace(/@join__graph\(name: "(\w+)", url: "[^"]*"\)/g, (_all, name: string) => `@join__graph(name: "${name}", url: "http://127.0.0.1:${ports.get(name)}/graphql")`);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nsc-hub-breaker-'));
  file = path.join(dir, 'supergraph.graphql');
  await writeFile(file, await supergraphOf(['membership', 'knowledge']));
  gateway = createGateway(
    {
      ...loadConfig({ SUPERGRAPH_PATH: file }),
      host: '127.0.0.1',
      port: 0,
      subgraphSecret: TEST_SUBGRAPH_SECRET,
      jwt: TEST_JWT,
      mode: TEST_MODE,
      // One failure opens a breaker, and it stays open for the whole test.
      breaker: { failures: 1, cooldownMs: 600_000 },
      readinessTimeoutMs: 300,
    },
    pino({ level: 'silent' }),
  );
  origin = `http://127.0.0.1:${(await gateway.start()).port}`;
});
afterAll(async () => {
  await gateway?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function forumsError(): Promise<{ code?: unknown; message?: unknown } | undefined> {
  const res = await request(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ forums { id } }' }) });
  const body = (await res.body.json()) as { errors?: { message: string; extensions?: { code?: unknown } }[] };
  const error = body.errors?.[0];
  return error && { code: error.extensions?.code, message: error.message };
}

async function readyzSubgraphs(): Promise<Record<string, unknown>> {
  const res = await request(`${origin}/readyz`);
  return ((await res.body.json()) as { subgraphs?: Record<string, unknown> }).subgraphs ?? {};
}

/** Asks until `found` gives something (the file is checked every 250 ms, /readyz caches a second), at most 10 s. */
async function until<T>(find: () => Promise<T | undefined>): Promise<T | undefined> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = await find();
    if (found !== undefined || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('forums, added by a reload, opens its breaker on failure: /readyz reports it open, and requests fail fast', async () => {
  expect(await forumsError()).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });

  await writeFile(`${file}.next`, await supergraphOf(['membership', 'knowledge', 'forums']));
  await rename(`${file}.next`, file);
  // Its first request fails (nothing listens): the breaker opens.
  const first = await until(async () => {
    const error = await forumsError();
    return error?.code === 'SUBGRAPH_UNAVAILABLE' ? error : undefined;
  });
  expect(first).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', message: 'The forums subgraph is unavailable; try again shortly' });

  const forums = await until(async () => (await readyzSubgraphs()).forums);
  expect(forums).toEqual({ status: 'not ready', reason: 'it cannot be reached', breaker: 'open' });
  expect(await forumsError()).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', message: 'The forums subgraph is failing; failing fast without asking it; try again shortly' });
});
