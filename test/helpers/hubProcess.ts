import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { waitUntilReady } from './waitUntilReady';

const ROOT = path.resolve(__dirname, '..', '..');

/** `npm start` running in a process of its own. */
export interface HubProcess {
  readonly child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** Ctrl-C: SIGINT to the whole process group; resolves with the runner's exit code. */
  interrupt(): Promise<number | null>;
}

export interface StartHubProcessOptions {
  /** The workspace to start (default: this one). */
  readonly root?: string;
  readonly timeoutMs?: number;
}

/** Runs the README's start command in its own process group, as a terminal would, until it says it runs. */
export async function startHubProcess(env: NodeJS.ProcessEnv, { root = ROOT, timeoutMs = 120_000 }: StartHubProcessOptions = {}): Promise<HubProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'start.ts')], { cwd: root, env, detached: true });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const hub: HubProcess = {
    child,
    output: () => output,
    interrupt: async () => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGINT');
      return exited;
    },
  };
  // What the start command prints once every service is ready: it runs no server of its own to ask.
  await waitUntilReady({
    name: 'npm start',
    process: child,
    ready: () => output.includes('nsc-hub is running'),
    output: () => output,
    timeoutMs,
    intervalMs: 200,
    giveUp: () => hub.interrupt(),
  });
  return hub;
}

/**
 * Live processes of the group. An exited child whose zombie entry the container's init has not
 * reaped yet (state Z) is dead, not left behind, so it does not count.
 */
export function processesInGroup(pgid: number): string[] {
  const ps = execFileSync('ps', ['-eo', 'pid=,pgid=,stat=,args='], { encoding: 'utf8' });
  return ps
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([pid, group, stat]) => Number(group) === pgid && Number(pid) !== process.pid && !stat?.startsWith('Z'))
    .map((cols) => cols.join(' '));
}

export const isListening = (port: number, host = '127.0.0.1') =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/**
 * POSTs a GraphQL query with node:http, which (unlike fetch) reaches any port, those browsers
 * block included. Resolves with the parsed body.
 */
export function postQuery(url: string, query: string): Promise<{ data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ query });
    const req = http.request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', connection: 'close' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        try {
          resolve(JSON.parse(text));
        } catch {
          reject(new Error(`${url} answered ${res.statusCode} with a body that is not JSON: ${text.slice(0, 200)}`));
        }
      });
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`${url} did not answer within 30 s`)));
    req.once('error', reject);
    req.end(body);
  });
}
