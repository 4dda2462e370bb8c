import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort } from '@nsc-hub/shared/src/testing';
import { SERVICE_NODE_ARGS, loadSubgraphExecutor } from '@nsc-hub/shared';
import { stopChild } from '../../scripts/supervisor';

export { freePort };

export interface Service {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  /** CPU time (user + system) the process has used so far, in ms. */
  cpuMs(): number;
  /** The process's peak resident set so far, in MiB. */
  peakRssMiB(): number;
  stop(): Promise<void>;
}

/** How the subgraphs execute: what `SUBGRAPH_EXECUTOR` says (the processes inherit the bench's environment), else as shipped. */
export const SUBGRAPH_EXECUTOR = loadSubgraphExecutor(process.env);

/** USER_HZ, as /proc counts CPU time: 100 on every Linux this runs on. */
export const CLOCK_TICKS_PER_SECOND = 100;

/**
 * A TypeScript entry point as its own Node process (tsx loader), ready once `{ __typename }` is
 * answered at `url`. Its output is kept and shown only if it fails to start.
 */
export async function startService(name: string, entry: string, env: NodeJS.ProcessEnv, url: string, headers: Record<string, string> = {}, nodeArgs: readonly string[] = []): Promise<Service> {
  const child = spawn(process.execPath, [...nodeArgs, ...SERVICE_NODE_ARGS, entry], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} before it was ready:\n${output}`);
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', connection: 'close', ...headers },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} was not ready within 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    name,
    url,
    pid: child.pid!,
    cpuMs: () => cpuMsOf(child.pid!),
    peakRssMiB: () => peakRssOf(child.pid!),
    stop: () => stopChild(child),
  };
}

/** CPU time (user + system) the process `pid` has used so far, in ms. */
export function cpuMsOf(pid: number): number {
  // Fields after the command name (which is in parentheses and may contain spaces): utime is the
  // 14th field of the line, stime the 15th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

function peakRssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kib / 1024;
}
