// A service that freezes (still running, no longer answering) is noticed by its failing liveness
// probes, killed and restarted; the status line says so on the way down and back up.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@nsc-hub/shared/src/testing';
import { Supervisor } from '../scripts/supervisor';
import { memoryLogger, tinyService, type LogLine } from './helpers/tinyService';

jest.setTimeout(60_000);

let dir: string;
let supervisor: Supervisor;
let lines: LogLine[];
let frozenPid: number | undefined;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'nsc-hub-supervisor-'));
  const logger = memoryLogger();
  lines = logger.lines;
  supervisor = new Supervisor(logger.log, { probeIntervalMs: 200, probeTimeoutMs: 1_000, failedProbes: 3, backoffMs: 20 });
  await supervisor.start(tinyService('tiny', await freePort(), path.join(dir, 'never-crash')));
  supervisor.reportStatus();
});

afterAll(async () => {
  // A test that failed half-way must not leave a stopped process behind (nor wait out its grace period).
  try {
    if (frozenPid) process.kill(frozenPid, 'SIGKILL');
  } catch {
    // gone already
  }
  await supervisor?.stopAll();
  rmSync(dir, { recursive: true, force: true });
});

test('a frozen service is killed after three failed liveness probes and restarted', async () => {
  const started = () => lines.filter((l) => l.msg.startsWith('tiny started'));
  frozenPid = started()[0].pid!;
  process.kill(frozenPid, 'SIGSTOP');
  const deadline = Date.now() + 30_000;
  while (!lines.some((l) => l.msg === 'tiny is ready again') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));

  expect(lines).toContainEqual(
    expect.objectContaining({ level: 50, pid: frozenPid, msg: `tiny (pid ${frozenPid}) stopped answering (3 liveness probes failed in a row): killing it` }),
  );
  expect(() => process.kill(frozenPid!, 0)).toThrow();
  frozenPid = undefined;
  expect(started()).toHaveLength(2);
  expect(lines.filter((l) => l.msg.startsWith('status:')).map((l) => l.msg)).toEqual([
    'status: tiny up',
    'status: tiny restarting (1 in 60 s)',
    'status: tiny up',
  ]);
});
