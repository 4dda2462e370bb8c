// A supergraph mounted from a Kubernetes ConfigMap is reloaded when the ConfigMap changes: the path
// the gateway serves is a symlink through `..data`, which is swapped atomically for a symlink to a
// new directory (and the old directory removed). The new supergraph answers without a restart and
// /readyz reports its hash.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { DEFAULT_SUPERGRAPH_PATH } from '@nsc-hub/gateway';
import { startHub, type RunningHub } from '../helpers/startHub';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A root field the knowledge subgraph resolves, left out of the supergraph served at first. */
/** `Query.topics` in the supergraph, its description and arguments included: the field a reload adds. */
const ADDED_FIELD = /^ {2}"""Every topic, by name\."""\n {2}topics\([^)]*\): \[Topic!\] @join__field\(graph: KNOWLEDGE\)\n/m;

let dir: string;
let original: string;
let withoutTopics: string;
let hub: RunningHub;

/** Lays out a ConfigMap version as the kubelet does: a hidden directory holding the files. */
async function configMapVersion(name: string, content: string): Promise<string> {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, 'supergraph.graphql'), content);
  return name;
}

beforeAll(async () => {
  original = await readFile(DEFAULT_SUPERGRAPH_PATH, 'utf8');
  withoutTopics = original.replace(ADDED_FIELD, '');
  dir = await mkdtemp(path.join(tmpdir(), 'nsc-hub-configmap-'));
  await symlink(await configMapVersion('..v1', withoutTopics), path.join(dir, '..data'));
  await symlink(path.join('..data', 'supergraph.graphql'), path.join(dir, 'supergraph.graphql'));
  hub = await startHub({ supergraphPath: path.join(dir, 'supergraph.graphql') });
}, 120_000);
afterAll(async () => {
  await hub?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function readyzHash(): Promise<unknown> {
  const res = await request(`${hub.origin}/readyz`);
  const body = (await res.body.json()) as { supergraph?: { hash?: unknown } };
  return body.supergraph?.hash;
}

test('swapping the ..data symlink serves the new supergraph without a restart', async () => {
  expect(withoutTopics).not.toBe(original);
  expect((await hub.query('{ topics { id } }')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(await readyzHash()).toBe(sha256(withoutTopics));

  await symlink(await configMapVersion('..v2', original), path.join(dir, '..data_tmp'));
  await rename(path.join(dir, '..data_tmp'), path.join(dir, '..data'));
  await rm(path.join(dir, '..v1'), { recursive: true });

  const deadline = Date.now() + 15_000;
  let answer = await hub.query<{ topics: unknown[] }>('{ topics { id name } }');
  while (answer.errors && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    answer = await hub.query<{ topics: unknown[] }>('{ topics { id name } }');
  }
  expect(answer.errors).toBeUndefined();
  expect(answer.data?.topics).toEqual(expect.any(Array));
  expect(await readyzHash()).toBe(sha256(original));
}, 60_000);
