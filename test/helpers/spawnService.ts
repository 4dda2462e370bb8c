import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { SERVICE_NODE_ARGS } from '@nsc-hub/shared';
import { readyzAnswers, waitUntilReady } from './waitUntilReady';

const ROOT = path.resolve(__dirname, '..', '..');
const READY_WITHIN_MS = 30_000;

/** Where a service runs: an address it listens on and is reached at, and the command that runs a program there. */
export interface ServiceHost {
  readonly address: string;
  /** Put before the program's own command line, e.g. `ip netns exec <namespace>`; empty for this machine. */
  readonly command: readonly string[];
}

/** This machine's loopback, where tests run their services unless told otherwise. */
export const LOOPBACK: ServiceHost = { address: '127.0.0.1', command: [] };

/**
 * A service's TypeScript entry point (relative to the repository) as a Node process of its own,
 * run as `npm start` runs it, on `host`; resolves once its `/readyz` at `readyz` answers 200. Its
 * output is kept and shown only if it exits or is not ready in time (then it is killed).
 */
export async function spawnService(name: string, entry: string, env: NodeJS.ProcessEnv, readyz: string, host: ServiceHost = LOOPBACK): Promise<ChildProcess> {
  const [program, ...args] = [...host.command, process.execPath, ...SERVICE_NODE_ARGS, path.join(ROOT, entry)];
  const child = spawn(program, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
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
