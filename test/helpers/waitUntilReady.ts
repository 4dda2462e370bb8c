import type { ChildProcess } from 'node:child_process';
import { httpProbe } from '../../scripts/httpProbe';

/** How long one readiness probe may take: a process still starting may accept and answer late. */
const PROBE_TIMEOUT_MS = 1000;

export interface ReadinessWait {
  /** What is started, as the errors name it: `npm start`, `knowledge`. */
  readonly name: string;
  /** The process started: its exit fails the wait at once. */
  readonly process: ChildProcess;
  /** Whether it is ready now, e.g. `readyzAnswers(url)`. */
  readonly ready: () => boolean | Promise<boolean>;
  /** What it printed so far, shown when the wait fails. */
  readonly output: () => string;
  readonly timeoutMs: number;
  /** Between two checks of `ready`. */
  readonly intervalMs: number;
  /** Ends the process when it was not ready in time, so no test leaves it behind. */
  readonly giveUp: () => unknown;
}

/** Whether `url` (a service's /readyz) answers 2xx: node:http, so any port works, even those fetch refuses. */
export const readyzAnswers = (url: string) => (): Promise<boolean> => httpProbe(url, PROBE_TIMEOUT_MS);

/** Resolves once `ready` holds; throws, with the process's output, if it exits first or is not ready in time. */
export async function waitUntilReady(wait: ReadinessWait): Promise<void> {
  const { name, process: child, output } = wait;
  const deadline = Date.now() + wait.timeoutMs;
  while (!(await wait.ready())) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} exited (${child.signalCode ?? `code ${child.exitCode}`}) before it was ready:\n${output()}`);
    }
    if (Date.now() > deadline) {
      await wait.giveUp();
      throw new Error(`${name} was not ready within ${wait.timeoutMs / 1000} s:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, wait.intervalMs));
  }
}
