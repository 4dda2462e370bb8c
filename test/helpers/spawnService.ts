import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { readyzAnswers, waitUntilReady } from './waitUntilReady';

const ROOT = path.resolve(__dirname, '..', '..');
const READY_WITHIN_MS = 30_000;

/**
 * A service's TypeScript entry point (relative to the repository) as a Node process of its own,
 * run as `npm start` runs it; resolves once its `/readyz` at `readyz` answers 200. Its output is
 * kept and shown only if it exits or is not ready in time (then it is killed).
 */
export async function spawnService(name: string, entry: string, env: NodeJS.ProcessEnv, readyz: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, entry)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-10_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  await waitUntilReady({
    name,
    process: child,
    ready: readyzAnswers(readyz),
    output: () => output,
    timeoutMs: READY_WITHIN_MS,
    intervalMs: 50,
    giveUp: () => child.kill('SIGKILL'),
  });
  return child;
}
