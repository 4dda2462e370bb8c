// The gateway swaps its supergraph when the file changes, without a restart and without failing a
// request: while clients keep querying, a new supergraph (one more root field) is written over the
// file, and the new field answers; /readyz reports the new file's hash. Then a broken file (cut off
// half way, as a half-written file would be) is written: the previous supergraph is still served,
// every request still succeeds, and the gateway logs why it kept it.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { request } from 'undici';
import { DEFAULT_SUPERGRAPH_PATH } from '@nsc-hub/gateway';
import { captureLog, type CapturedLog } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from '../helpers/startHub';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A root field the knowledge subgraph resolves, left out of the supergraph served at first. */
/** `Query.topics` in the supergraph, its description and arguments included: the field a reload adds. */
const ADDED_FIELD = /^ {2}"""Every topic, by name\."""\n {2}topics\([^)]*\): \[Topic!\] @join__field\(graph: KNOWLEDGE\)\n/m;
const LOOP_QUERY = '{ forums { id name } resources(first: 2) { totalCount } }';

let dir: string;
let file: string;
let original: string;
let withoutTopics: string;
let gatewayLog: CapturedLog;
let hub: RunningHub;

beforeAll(async () => {
  original = await readFile(DEFAULT_SUPERGRAPH_PATH, 'utf8');
  withoutTopics = original.replace(ADDED_FIELD, '');
  dir = await mkdtemp(path.join(tmpdir(), 'nsc-hub-supergraph-'));
  file = path.join(dir, 'supergraph.graphql');
  await writeFile(file, withoutTopics);
  gatewayLog = captureLog();
  hub = await startHub({ supergraphPath: file, log: (service) => (service === 'gateway' ? gatewayLog.log : pino({ level: 'silent' })) });
}, 120_000);
afterAll(async () => {
  await hub?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Replaced as a deployment replaces it: written beside it, then renamed over it in one step. */
async function replaceFile(content: string): Promise<void> {
  const next = `${file}.next`;
  await writeFile(next, content);
  await rename(next, file);
}

async function readyzHash(): Promise<unknown> {
  const res = await request(`${hub.origin}/readyz`);
  const body = (await res.body.json()) as { supergraph?: { hash?: unknown } };
  return body.supergraph?.hash;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const topicsAnswer = async () => {
  const res = await hub.query<{ topics: unknown[] }>('{ topics { id name } }');
  return !res.errors && Array.isArray(res.data?.topics) ? res : undefined;
};

test('a new supergraph is served without a restart or a failed request; a broken one is refused and logged', async () => {
  expect(withoutTopics).not.toBe(original);
  const before = await hub.query('{ topics { id } }');
  expect(before.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(await readyzHash()).toBe(sha256(withoutTopics));

  let looping = true;
  const failures: string[] = [];
  let answered = 0;
  const loop = async () => {
    while (looping) {
      try {
        const res = await request(hub.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: LOOP_QUERY }) });
        const body = (await res.body.json()) as { data?: { forums?: unknown; resources?: unknown }; errors?: unknown };
        if (res.statusCode !== 200 || body.errors || !Array.isArray(body.data?.forums) || !body.data?.resources) failures.push(`${res.statusCode} ${JSON.stringify(body)}`);
        else answered += 1;
      } catch (error) {
        failures.push(String(error));
      }
    }
  };
  const loops = [loop(), loop()];
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));

    await replaceFile(original);
    const after = await until('the new field answers', topicsAnswer);
    expect(after.data?.topics).toEqual(expect.any(Array));
    expect(await until('/readyz reports the new hash', async () => ((await readyzHash()) === sha256(original) ? true : undefined))).toBe(true);
    const servedBeforeBreak = answered;

    await replaceFile(original.slice(0, Math.floor(original.length / 2)));
    const refused = await until('the broken file is logged', async () =>
      gatewayLog.lines.find((line) => line.level === 50 && /supergraph not reloaded/.test(line.msg)),
    );
    // Where the cut falls decides the reason (a syntax error, an unknown type): any is refused.
    expect(refused).toMatchObject({ path: file, reason: expect.any(String) });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await topicsAnswer()).toBeDefined();
    expect(await readyzHash()).toBe(sha256(original));
    expect(answered).toBeGreaterThan(servedBeforeBreak);
  } finally {
    looping = false;
    await Promise.all(loops);
  }
  expect(failures).toEqual([]);
  expect(answered).toBeGreaterThan(10);
  expect(gatewayLog.lines.filter((line) => line.msg === 'supergraph reloaded')).toHaveLength(1);
}, 90_000);
