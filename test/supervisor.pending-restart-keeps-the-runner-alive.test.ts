// The runner has no server of its own: while its only service is down and its restart is pending,
// that pending restart keeps the runner alive until the service is back. Once stopped, nothing of
// the supervisor keeps the runner alive: it ends by itself, at once.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

jest.setTimeout(60_000);

const SCRIPT = path.join(__dirname, 'fixtures', 'superviseOneService.ts');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'nsc-hub-supervisor-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a service killed while nothing else runs is restarted, and the stopped runner ends by itself', async () => {
  // Its own process group, so a runner that misbehaves can be ended with everything it started.
  const runner = spawn(process.execPath, ['--import', 'tsx', SCRIPT, path.join(dir, 'never-crash')], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let stoppedAt: number | undefined;
  runner.stdout.on('data', (chunk) => {
    output += chunk;
    if (stoppedAt === undefined && output.includes('\nstopped\n')) stoppedAt = Date.now();
  });
  runner.stderr.on('data', (chunk) => (output += chunk));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => runner.once('exit', (code, signal) => resolve({ code, signal })));
  const deadline = setTimeout(() => process.kill(-runner.pid!, 'SIGKILL'), 30_000);
  try {
    const { code, signal } = await ended;
    const endedAt = Date.now();
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(output).toContain('"msg":"tiny is ready again"');
    expect(stoppedAt).toBeDefined();
    // Well under any of the supervisor's intervals (the stop's grace period is 10 s).
    expect(endedAt - stoppedAt!).toBeLessThan(2_000);
  } catch (error) {
    throw new Error(`${String(error)}\nrunner output:\n${output}`);
  } finally {
    clearTimeout(deadline);
  }
});
