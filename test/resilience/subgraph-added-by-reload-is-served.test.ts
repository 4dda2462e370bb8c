// A subgraph that joins the supergraph after the gateway started is served once the new supergraph
// file is in place, without a restart: its fields answer, and /readyz asks it too. Dropping it again
// takes it out of /readyz; joining once more brings it back.
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { DEFAULT_SUPERGRAPH_PATH } from '@nsc-hub/gateway';
import { composeSupergraph } from '../../scripts/composeSupergraph';
import { SUBGRAPHS } from '../../scripts/subgraphs';
import { startHub, type RunningHub } from '../helpers/startHub';

let dir: string;
let file: string;
let withoutForums: string;
let hub: RunningHub;

beforeAll(async () => {
  const composed = composeSupergraph(SUBGRAPHS.filter((s) => s.name !== 'forums'));
  if (!composed.ok) throw new Error(composed.errors.join('\n'));
  withoutForums = composed.supergraphSdl;
  dir = await mkdtemp(path.join(tmpdir(), 'nsc-hub-supergraph-'));
  file = path.join(dir, 'supergraph.graphql');
  await writeFile(file, withoutForums);
  hub = await startHub({ supergraphPath: file });
}, 120_000);
afterAll(async () => {
  await hub?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function replaceFile(content: string): Promise<void> {
  await writeFile(`${file}.next`, content);
  await rename(`${file}.next`, file);
}

async function readyzSubgraphs(): Promise<string[]> {
  const res = await request(`${hub.origin}/readyz`);
  const body = (await res.body.json()) as { subgraphs?: Record<string, unknown> };
  return Object.keys(body.subgraphs ?? {}).sort();
}

/** Asks until `probe` holds (the gateway checks the file every 250 ms, /readyz caches a second), at most 15 s. */
async function until(probe: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + 15_000;
  while (!(await probe())) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

const forumsAnswer = async () => {
  const res = await hub.query('{ forums { id name } }');
  return !res.errors && Array.isArray(res.data?.forums);
};

test('the forums subgraph, added by a reloaded supergraph, answers and is asked by /readyz; dropped, it is not; back, it is again', async () => {
  expect(await forumsAnswer()).toBe(false);
  const others = SUBGRAPHS.map((s) => s.name).filter((name) => name !== 'forums');
  expect(await readyzSubgraphs()).toEqual([...others].sort());

  await replaceFile(await readFile(DEFAULT_SUPERGRAPH_PATH, 'utf8'));
  expect(await until(forumsAnswer)).toBe(true);
  expect(await until(async () => (await readyzSubgraphs()).includes('forums'))).toBe(true);
  expect(await readyzSubgraphs()).toEqual(['forums', ...others].sort());

  await replaceFile(withoutForums);
  expect(await until(async () => !(await readyzSubgraphs()).includes('forums'))).toBe(true);
  expect(await forumsAnswer()).toBe(false);

  // Back again at the same URL: the gateway keeps its data source, and /readyz asks it again.
  await replaceFile(await readFile(DEFAULT_SUPERGRAPH_PATH, 'utf8'));
  expect(await until(forumsAnswer)).toBe(true);
  expect(await until(async () => (await readyzSubgraphs()).includes('forums'))).toBe(true);
}, 60_000);
