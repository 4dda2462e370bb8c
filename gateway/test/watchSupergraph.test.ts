import { spawn } from 'node:child_process';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { captureLog } from '@nsc-hub/shared/src/testing';
import { FILE_DEBOUNCE_MS as SUPERGRAPH_DEBOUNCE_MS, FILE_POLL_MS as SUPERGRAPH_POLL_MS } from '../src/watchFileContent';
import { watchSupergraph } from '../src/watchSupergraph';

/** Long enough for a poll, the debounce and a read, with room for a loaded machine. */
const SETTLE_MS = (SUPERGRAPH_POLL_MS + SUPERGRAPH_DEBOUNCE_MS) * 4;
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nsc-hub-watch-'));
  file = path.join(dir, 'supergraph.graphql');
  await writeFile(file, 'first');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function watch(update: (sdl: string) => void) {
  const capture = captureLog();
  const hook = watchSupergraph(file, 'first', capture.log);
  const { supergraphSdl, cleanup } = await hook({ update, healthCheck: async () => undefined, getDataSource: () => { throw new Error('not used'); } });
  return { supergraphSdl, cleanup: cleanup!, lines: capture.lines };
}

test('serves the file read at start-up, and a file touched but unchanged updates nothing', async () => {
  const updates: string[] = [];
  const watcher = await watch((sdl) => updates.push(sdl));
  try {
    expect(watcher.supergraphSdl).toBe('first');
    const later = new Date(Date.now() + 5000);
    await utimes(file, later, later);
    await writeFile(file, 'first');
    await settle();
    expect(updates).toEqual([]);
  } finally {
    await watcher.cleanup();
  }
});

test('writes in quick succession end on the last content, not one update per write', async () => {
  const updates: string[] = [];
  const watcher = await watch((sdl) => updates.push(sdl));
  try {
    for (const content of ['second', 'third', 'fourth']) {
      await writeFile(file, content);
      await new Promise((resolve) => setTimeout(resolve, SUPERGRAPH_DEBOUNCE_MS / 4));
    }
    await settle();
    expect(updates.at(-1)).toBe('fourth');
    expect(updates.length).toBeLessThan(3);
  } finally {
    await watcher.cleanup();
  }
});

test('a supergraph the gateway refuses is logged with the reason, and a later good one is still taken', async () => {
  const updates: string[] = [];
  const watcher = await watch((sdl) => {
    if (sdl === 'broken') throw new Error('Syntax Error: Unexpected Name "broken".');
    updates.push(sdl);
  });
  try {
    await writeFile(file, 'broken');
    await settle();
    expect(watcher.lines.filter((l) => l.level === 50)).toEqual([expect.objectContaining({ path: file, reason: 'Syntax Error: Unexpected Name "broken".' })]);
    await writeFile(file, 'fixed');
    await settle();
    expect(updates).toEqual(['fixed']);
  } finally {
    await watcher.cleanup();
  }
});

test('a file that cannot be read is logged, and nothing is updated after cleanup', async () => {
  const updates: string[] = [];
  const watcher = await watch((sdl) => updates.push(sdl));
  // Past the check made when the watch starts, so the removal is seen once.
  await settle();
  await rm(file);
  await settle();
  expect(watcher.lines.filter((l) => l.level === 50)).toEqual([expect.objectContaining({ path: file, reason: expect.stringContaining('ENOENT') })]);
  await watcher.cleanup();
  await writeFile(file, 'after stop');
  await settle();
  expect(updates).toEqual([]);
});

test('a reload waiting out its debounce does not keep a process alive that has nothing else to do', async () => {
  // A process of its own, whose only work is a watch with a change pending (the file differs from
  // the supergraph it started with): it ends at once, without waiting to reload.
  const script = `
    const { watchSupergraph } = require(${JSON.stringify(path.join(__dirname, '..', 'src', 'watchSupergraph.ts'))});
    const log = { info() {}, error() {} };
    watchSupergraph(${JSON.stringify(file)}, 'not what the file holds', log)({ update: () => console.log('reloaded') })
      .then(() => console.log('watching'));
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect({ code, output }).toEqual({ code: 0, output: 'watching\n' });
});
