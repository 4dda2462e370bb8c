// A service that keeps crashing is never given up on: after a few quick restarts with a doubling
// delay, the supervisor retries it at a slow, capped interval with an error line naming it and
// counting each time, for as long as it runs; once the service can start again it is back up.
// Stopping cancels a retry that is pending.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@nsc-hub/shared/src/testing';
import { Supervisor } from '../scripts/supervisor';
import { memoryLogger, tinyService, type LogLine } from './helpers/tinyService';

jest.setTimeout(60_000);

const RESTART_LIMIT = 3;
const SLOW_RETRY_MS = 500;
const intervals = {
  probeIntervalMs: 100,
  probeTimeoutMs: 1_000,
  failedProbes: 3,
  startTimeoutMs: 20_000,
  backoffMs: 20,
  maxBackoffMs: 80,
  restartLimit: RESTART_LIMIT,
  slowRetryMs: SLOW_RETRY_MS,
  windowMs: 60_000,
};

let dir: string;
let crashMarker: string;
let supervisor: Supervisor;
let lines: LogLine[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'nsc-hub-supervisor-'));
  crashMarker = path.join(dir, 'crash');
  const logger = memoryLogger();
  lines = logger.lines;
  supervisor = new Supervisor(logger.log, intervals);
  await supervisor.start(tinyService('tiny', await freePort(), crashMarker));
  supervisor.reportStatus();
});

afterAll(async () => {
  await supervisor?.stopAll();
  rmSync(dir, { recursive: true, force: true });
});

async function waitFor<T>(what: string, find: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${lines.map((l) => l.msg).join('\n')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const restartLines = () => lines.filter((l) => l.restarts !== undefined);
const launches = () => lines.filter((l) => l.msg.startsWith('tiny started'));

test('is retried every slow interval after the quick restarts, with an error line each time, and comes back when it can', async () => {
  writeFileSync(crashMarker, '');
  process.kill(launches().at(-1)!.pid!, 'SIGKILL');
  const slowRounds = 3;
  await waitFor('slow retries', () => (restartLines().length >= RESTART_LIMIT + slowRounds ? true : undefined));

  const restarts = restartLines().slice(0, RESTART_LIMIT + slowRounds);
  // Quick ones first, each delay double the last, as warnings.
  expect(restarts.slice(0, RESTART_LIMIT).map((l) => [l.level, l.restarts, l.delayMs])).toEqual([
    [40, 1, 20],
    [40, 2, 40],
    [40, 3, 80],
  ]);
  // Then the slow, capped interval, loudly: an error naming the service and the count each time.
  const slow = restarts.slice(RESTART_LIMIT);
  expect(slow.map((l) => [l.level, l.service, l.restarts, l.delayMs])).toEqual(
    Array.from({ length: slowRounds }, (_, i) => [50, 'tiny', RESTART_LIMIT + 1 + i, SLOW_RETRY_MS]),
  );
  for (const line of slow) {
    expect(line.msg).toMatch(new RegExp(`^tiny exited \\(code 3\\) and keeps failing: restart ${line.restarts} in a row \\(\\d+ in the last 60 s\\); retrying every 0.5 s`));
  }
  // Each slow retry really waited the slow interval before starting the service again.
  for (const line of slow.slice(0, -1)) {
    const next = launches().find((l) => l.time > line.time);
    expect(next!.time - line.time).toBeGreaterThanOrEqual(SLOW_RETRY_MS - 5);
  }
  expect(supervisor.status()).toMatch(/^status: tiny restarting \((\d+) in 60 s\)$/);
  expect(Number(/\((\d+) in/.exec(supervisor.status())![1])).toBeGreaterThanOrEqual(RESTART_LIMIT + slowRounds);

  // Never given up: once the service can start again, the next slow retry brings it back.
  rmSync(crashMarker);
  await waitFor('tiny to be ready again', () => lines.find((l) => l.msg === 'tiny is ready again'));
  expect(supervisor.status()).toBe('status: tiny up');
  expect(lines.at(-1)?.msg).toBe('status: tiny up');
});

test('stopping cancels a pending retry: the service is not started again', async () => {
  writeFileSync(crashMarker, '');
  const before = launches().length;
  process.kill(launches().at(-1)!.pid!, 'SIGKILL');
  // Still within its streak of failures, so the retry is a slow one: stop while it is pending.
  await waitFor('the retry to be scheduled', () => lines.find((l) => l.level === 50 && l.delayMs === SLOW_RETRY_MS && l.time >= launches().at(-1)!.time));
  await supervisor.stopAll();
  await new Promise((r) => setTimeout(r, SLOW_RETRY_MS * 2));
  expect(launches().length).toBe(before);
  expect(lines.map((l) => l.msg)).toContain('tiny: pending restart cancelled');
  expect(existsSync(crashMarker)).toBe(true);
});
