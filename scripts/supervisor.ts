import { spawn, type ChildProcess } from 'node:child_process';
import type { Logger } from '@nsc-hub/shared';

export interface ServiceSpec {
  readonly name: string;
  /** TypeScript entry point, run with Node and the tsx loader. */
  readonly entry: string;
  readonly env: NodeJS.ProcessEnv;
  /** Where to poll until the service answers. */
  readonly healthUrl: string;
}

const RESTART_LIMIT = 5;
const RESTART_WINDOW_MS = 60_000;
const STOP_GRACE_MS = 10_000;

/**
 * Runs each service as its own process, as in production: one crashing does not take the others
 * down; it is restarted (a few times a minute at most). Stopping sends SIGTERM, then SIGKILL to
 * whatever is still running after a grace period, so nothing is left behind.
 */
export class Supervisor {
  private readonly children = new Map<string, ChildProcess>();
  private readonly restarts = new Map<string, number[]>();
  private stopping = false;

  constructor(private readonly log: Logger) {}

  async start(spec: ServiceSpec, timeoutMs = 60_000): Promise<void> {
    if (this.stopping) throw new Error(`not starting ${spec.name}: the hub is stopping`);
    this.spawn(spec);
    await waitForHealth(spec.healthUrl, timeoutMs, () => this.children.has(spec.name));
  }

  private spawn(spec: ServiceSpec): void {
    if (this.stopping) return;
    const child = spawn(process.execPath, ['--import', 'tsx', spec.entry], { env: spec.env, stdio: 'inherit' });
    this.children.set(spec.name, child);
    child.once('exit', (code, signal) => {
      this.children.delete(spec.name);
      if (this.stopping) return;
      const now = Date.now();
      const recent = (this.restarts.get(spec.name) ?? []).filter((t) => now - t < RESTART_WINDOW_MS);
      if (recent.length >= RESTART_LIMIT) {
        this.log.error({ service: spec.name, code, signal }, 'service keeps crashing; not restarting it');
        return;
      }
      this.restarts.set(spec.name, [...recent, now]);
      this.log.warn({ service: spec.name, code, signal }, 'service exited; restarting');
      setTimeout(() => this.spawn(spec), 1000);
    });
  }

  /** Stops services in the reverse of start order: the gateway lets go of the subgraphs first. */
  async stopAll(): Promise<void> {
    this.stopping = true;
    for (const child of [...this.children.values()].reverse()) await stopChild(child);
  }
}

/** SIGTERM, then SIGKILL if the process is still running after the grace period. */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function waitForHealth(url: string, timeoutMs: number, alive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      // No keep-alive: an idle connection from here would hold up the service's graceful stop.
      const res = await fetch(url, { headers: { connection: 'close' } });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (!alive()) throw new Error(`${url}: the service exited before it was ready`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not become ready within ${timeoutMs / 1000}s`);
}
