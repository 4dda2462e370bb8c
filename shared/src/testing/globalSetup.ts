import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../db/embeddedPostgres';
import { ADMIN_URL_ENV } from './testDatabase';

/**
 * One PostgreSQL for the whole test run: the server named by DATABASE_URL, or else a throwaway
 * embedded one (own port, own temp directory, deleted afterwards). Each test file then creates
 * its own database on it.
 */
export default async function globalSetup(): Promise<void> {
  // Subgraph processes the tests start check their compiled execution against graphql-js, as the
  // in-process ones do (TEST_EXECUTOR).
  process.env.SUBGRAPH_EXECUTOR ??= 'compare';
  if (process.env.DATABASE_URL) {
    process.env[ADMIN_URL_ENV] = process.env.DATABASE_URL;
    return;
  }
  const parent = mkdtempSync(path.join(os.tmpdir(), 'nsc-hub-test-'));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to enter the directory.
  chmodSync(parent, 0o755);
  const dataDir = path.join(parent, 'postgres');
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  process.env[ADMIN_URL_ENV] = server.url;
  (globalThis as { __nscHubTestPostgres?: { stop(): Promise<void> } }).__nscHubTestPostgres = {
    stop: async () => {
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
