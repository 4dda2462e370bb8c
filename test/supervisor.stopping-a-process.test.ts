// Stopping a service's process never hurts anything else: one that never started is not signalled
// (that would be pid 0, the runner's whole process group), and one that cannot be signalled ends
// the stop without an error thrown at the caller, and without a SIGKILL left to come later.
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { stopChild } from '../scripts/supervisor';

jest.setTimeout(30_000);

test('a process that never started is stopped at once, and no other process is signalled', async () => {
  // Its own process group: were pid 0 signalled, only this group would end.
  const runner = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'fixtures', 'stopAProcessThatNeverStarted.ts')], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  runner.stdout.on('data', (chunk) => (output += chunk));
  runner.stderr.on('data', (chunk) => (output += chunk));
  const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => runner.once('exit', (code, signal) => resolve({ code, signal })));
  expect({ ...ended, lines: output.trim().split('\n').sort() }).toEqual({ code: 0, signal: null, lines: ['error ENOENT', 'stopped'] });
});

test('a process that cannot be signalled ends the stop, with no SIGKILL after the grace period', async () => {
  jest.useFakeTimers();
  try {
    const signals: string[] = [];
    const child = Object.assign(new EventEmitter(), {
      pid: 4242,
      exitCode: null,
      signalCode: null,
      kill(signal: string) {
        signals.push(signal);
        // What Node does when kill(2) fails with EPERM.
        child.emit('error', Object.assign(new Error('kill EPERM'), { code: 'EPERM', syscall: 'kill' }));
        return false;
      },
    });
    await expect(stopChild(child as unknown as ChildProcess)).resolves.toBeUndefined();
    jest.advanceTimersByTime(60_000);
    expect(signals).toEqual(['SIGTERM']);
    expect(child.listenerCount('error') + child.listenerCount('exit')).toBe(0);
  } finally {
    jest.useRealTimers();
  }
});
