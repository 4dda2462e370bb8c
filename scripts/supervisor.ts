import type { ChildProcess } from 'node:child_process';
import type { Logger } from '@nsc-hub/shared';

/** `live`: the process still works (not frozen or wedged). `ready`: it serves requests. */
export type ProbeKind = 'live' | 'ready';

/** A service the supervisor keeps running: how to start, probe and stop one instance of it. */
export interface ServiceSpec {
  readonly name: string;
  /** Starts one instance; resolves with its process once that runs (ready or not yet). */
  launch(): Promise<ChildProcess>;
  /** Whether the running instance answers; false on any failure or after `timeoutMs`. */
  probe(kind: ProbeKind, timeoutMs: number): Promise<boolean>;
  /** Stops an instance gracefully, killing it if it does not end in time. */
  stop(child: ChildProcess): Promise<void>;
}

export interface SupervisorOptions {
  /** How often a running service's liveness is probed. */
  readonly probeIntervalMs: number;
  /** How long one probe may take before it counts as failed. */
  readonly probeTimeoutMs: number;
  /** Failed liveness probes in a row after which the service is taken for frozen and killed. */
  readonly failedProbes: number;
  /** How long a (re)started service may take to become ready. */
  readonly startTimeoutMs: number;
  /** First restart delay; it doubles with each restart in a row, up to `maxBackoffMs`. */
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
  /** Restarts in a row after which the service is retried every `slowRetryMs`, never given up on. */
  readonly restartLimit: number;
  readonly slowRetryMs: number;
  /** A service that stays up this long is running stably again (its restart count starts over). */
  readonly windowMs: number;
}

export const SUPERVISOR_DEFAULTS: SupervisorOptions = {
  probeIntervalMs: 2_000,
  probeTimeoutMs: 2_000,
  failedProbes: 3,
  startTimeoutMs: 60_000,
  backoffMs: 500,
  maxBackoffMs: 8_000,
  restartLimit: 5,
  slowRetryMs: 30_000,
  windowMs: 60_000,
};

const STOP_GRACE_MS = 10_000;
const READY_POLL_MS = 250;

type State = 'starting' | 'up' | 'restarting';

interface Slot {
  readonly spec: ServiceSpec;
  child: ChildProcess | undefined;
  state: State;
  /** false during the hub's start-up: a service failing then fails the start instead. */
  supervised: boolean;
  /** Restarts since the service last ran stably for a whole window. */
  streak: number;
  /** When it was restarted, for the status line's count within the window. */
  restartTimes: number[];
  /** Why the supervisor killed the current process, if it did. */
  killedFor: string | undefined;
  restartTimer: NodeJS.Timeout | undefined;
  stableTimer: NodeJS.Timeout | undefined;
  /** A launch under way: stopping waits for it, so a process being started is never left behind. */
  launching: Promise<void> | undefined;
}

/**
 * Runs each service as its own process, as in production, and keeps it running: one crashing does
 * not take the others down. A service that exits, or stops answering its liveness probe (frozen),
 * is killed if need be and restarted with exponential backoff; one that keeps failing is retried
 * at a slow pace for as long as the hub runs, with an error in the log each time. Every change of
 * state after start-up is logged as one status line. Stopping cancels pending restarts and stops
 * the services in the reverse of start order.
 */
export class Supervisor {
  private readonly slots: Slot[] = [];
  private readonly options: SupervisorOptions;
  private stopping = false;
  /** Status lines are logged once start-up is over; before that each step logs itself. */
  private reporting = false;

  constructor(
    private readonly log: Logger,
    options: Partial<SupervisorOptions> = {},
  ) {
    this.options = { ...SUPERVISOR_DEFAULTS, ...options };
  }

  /**
   * Starts a service and waits until it is ready; from then on it is kept running. During
   * start-up a service that exits or is not ready in time fails the call: that is a
   * misconfiguration for the operator to see, not something a restart would mend.
   */
  async start(spec: ServiceSpec): Promise<void> {
    if (this.stopping) throw new Error(`not starting ${spec.name}: the hub is stopping`);
    const slot = this.add(spec, 'starting');
    const child = await this.launch(slot);
    const outcome = await this.waitReady(slot, child);
    if (outcome === 'stopping') throw new Error(`not starting ${spec.name}: the hub is stopping`);
    if (outcome === 'exited') throw new Error(`${spec.name} exited before it was ready`);
    if (outcome === 'timeout') throw new Error(`${spec.name} did not become ready within ${this.options.startTimeoutMs / 1000} s`);
    this.up(slot, child);
  }

  /** Keeps a service that was started elsewhere (and is ready) running from now on. */
  adopt(spec: ServiceSpec, child: ChildProcess): void {
    const slot = this.add(spec, 'up');
    // Supervised from the first moment: had it exited already, attaching schedules its restart.
    slot.supervised = true;
    this.attach(slot, child);
    if (slot.child === child) this.up(slot, child);
  }

  /** One line with the state of every service, e.g. `status: postgres up · knowledge restarting (3 in 60 s)`. */
  status(): string {
    const now = Date.now();
    const windowS = this.options.windowMs / 1000;
    const parts = this.slots.map(({ spec, state, restartTimes }) => {
      const recent = restartTimes.filter((t) => now - t < this.options.windowMs).length;
      return state === 'restarting' ? `${spec.name} restarting (${recent} in ${windowS} s)` : `${spec.name} ${state}`;
    });
    return `status: ${parts.join(' · ')}`;
  }

  /** Logs the status line now, and on every change of state from now on. */
  reportStatus(): void {
    this.reporting = true;
    this.log.info({ services: Object.fromEntries(this.slots.map((s) => [s.spec.name, s.state])) }, this.status());
  }

  /** Cancels pending restarts and stops every service, the last started first. */
  async stopAll(): Promise<void> {
    this.stopping = true;
    for (const slot of this.slots) {
      if (slot.restartTimer) this.log.info({ service: slot.spec.name }, `${slot.spec.name}: pending restart cancelled`);
      clearTimeout(slot.restartTimer);
      clearTimeout(slot.stableTimer);
    }
    await Promise.all(this.slots.map((s) => s.launching));
    for (const slot of [...this.slots].reverse()) if (slot.child) await slot.spec.stop(slot.child);
  }

  private add(spec: ServiceSpec, state: State): Slot {
    if (this.slots.some((s) => s.spec.name === spec.name)) throw new Error(`${spec.name} is supervised already`);
    const slot: Slot = {
      spec,
      child: undefined,
      state,
      supervised: false,
      streak: 0,
      restartTimes: [],
      killedFor: undefined,
      restartTimer: undefined,
      stableTimer: undefined,
      launching: undefined,
    };
    this.slots.push(slot);
    return slot;
  }

  private launch(slot: Slot): Promise<ChildProcess> {
    const launched = (async () => {
      const child = await slot.spec.launch();
      this.attach(slot, child);
      this.log.info({ service: slot.spec.name, pid: child.pid }, `${slot.spec.name} started (pid ${child.pid})`);
      return child;
    })();
    slot.launching = launched.then(
      () => undefined,
      () => undefined,
    );
    return launched;
  }

  private attach(slot: Slot, child: ChildProcess): void {
    slot.child = child;
    slot.killedFor = undefined;
    child.on('error', (error) => this.log.error({ service: slot.spec.name, err: error }, `${slot.spec.name}: process error`));
    if (child.exitCode !== null || child.signalCode !== null) this.exited(slot, child, child.exitCode, child.signalCode);
    else child.once('exit', (code, signal) => this.exited(slot, child, code, signal));
  }

  private exited(slot: Slot, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (slot.child !== child) return;
    slot.child = undefined;
    clearTimeout(slot.stableTimer);
    if (this.stopping || !slot.supervised) return;
    this.scheduleRestart(slot, slot.killedFor ?? `exited (${signal ?? `code ${code}`})`);
  }

  private scheduleRestart(slot: Slot, reason: string): void {
    const { backoffMs, maxBackoffMs, restartLimit, slowRetryMs, windowMs } = this.options;
    const name = slot.spec.name;
    const now = Date.now();
    slot.restartTimes = [...slot.restartTimes.filter((t) => now - t < windowMs), now];
    slot.streak += 1;
    const slow = slot.streak > restartLimit;
    const delayMs = slow ? slowRetryMs : Math.min(backoffMs * 2 ** (slot.streak - 1), maxBackoffMs);
    const fields = { service: name, reason, restarts: slot.streak, restartsInWindow: slot.restartTimes.length, delayMs };
    if (slow) {
      this.log.error(
        fields,
        `${name} ${reason} and keeps failing: restart ${slot.streak} in a row (${slot.restartTimes.length} in the last ${windowMs / 1000} s); ` +
          `retrying every ${slowRetryMs / 1000} s for as long as the hub runs`,
      );
    } else {
      this.log.warn(fields, `${name} ${reason}; restart ${slot.streak} in ${delayMs} ms`);
    }
    this.setState(slot, 'restarting');
    // Not unref'd, unlike the supervisor's other timers: when every service is down at once, a
    // pending restart is all that keeps the runner alive (it has no server of its own; its children
    // hold it otherwise). stopAll clears it, so it never outlives a stop.
    slot.restartTimer = setTimeout(() => void this.restart(slot), delayMs);
  }

  private async restart(slot: Slot): Promise<void> {
    slot.restartTimer = undefined;
    if (this.stopping) return;
    let child: ChildProcess;
    try {
      child = await this.launch(slot);
    } catch (error) {
      if (!this.stopping) this.scheduleRestart(slot, `could not be started (${error instanceof Error ? error.message : String(error)})`);
      return;
    }
    const outcome = await this.waitReady(slot, child);
    if (outcome === 'ready') {
      this.log.info({ service: slot.spec.name, pid: child.pid }, `${slot.spec.name} is ready again`);
      this.up(slot, child);
    } else if (outcome === 'timeout') {
      const notReady = `was not ready within ${this.options.startTimeoutMs / 1000} s`;
      // Readiness may wait on another service that is down (a database, a subgraph): killing a
      // process that is otherwise alive would not bring that one back, only churn this one.
      if (await slot.spec.probe('live', this.options.probeTimeoutMs)) {
        if (this.stopping || slot.child !== child) return;
        this.log.warn({ service: slot.spec.name, pid: child.pid }, `${slot.spec.name} ${notReady} but is alive; keeping it`);
        this.up(slot, child);
      } else if (!this.stopping && slot.child === child) {
        this.kill(slot, child, notReady);
      }
    }
    // 'exited': its exit scheduled the next attempt; 'stopping': nothing more to do.
  }

  private async waitReady(slot: Slot, child: ChildProcess): Promise<'ready' | 'exited' | 'timeout' | 'stopping'> {
    const deadline = Date.now() + this.options.startTimeoutMs;
    for (;;) {
      if (this.stopping) return 'stopping';
      if (slot.child !== child) return 'exited';
      const ready = await slot.spec.probe('ready', this.options.probeTimeoutMs);
      if (this.stopping) return 'stopping';
      if (slot.child !== child) return 'exited';
      if (ready) return 'ready';
      if (Date.now() >= deadline) return 'timeout';
      await sleep(READY_POLL_MS);
    }
  }

  private up(slot: Slot, child: ChildProcess): void {
    slot.supervised = true;
    this.setState(slot, 'up');
    clearTimeout(slot.stableTimer);
    slot.stableTimer = setTimeout(() => (slot.streak = 0), this.options.windowMs);
    slot.stableTimer.unref();
    void this.watch(slot, child);
  }

  /** Probes liveness until the process is replaced or the hub stops; kills it when it is frozen. */
  private async watch(slot: Slot, child: ChildProcess): Promise<void> {
    const { probeIntervalMs, probeTimeoutMs, failedProbes } = this.options;
    const current = () => !this.stopping && slot.child === child;
    let failures = 0;
    while (current()) {
      const started = Date.now();
      const live = await slot.spec.probe('live', probeTimeoutMs);
      if (!current()) return;
      failures = live ? 0 : failures + 1;
      if (failures >= failedProbes) {
        this.kill(slot, child, `stopped answering (${failures} liveness probes failed in a row)`);
        return;
      }
      await sleep(Math.max(0, probeIntervalMs - (Date.now() - started)));
    }
  }

  /** SIGKILL: a frozen process would not act on a gentler signal. Its exit schedules the restart. */
  private kill(slot: Slot, child: ChildProcess, why: string): void {
    slot.killedFor = `${why}, killed`;
    this.log.error({ service: slot.spec.name, pid: child.pid }, `${slot.spec.name} (pid ${child.pid}) ${why}: killing it`);
    child.kill('SIGKILL');
  }

  private setState(slot: Slot, state: State): void {
    if (slot.state === state) return;
    slot.state = state;
    if (this.reporting && !this.stopping) this.reportStatus();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * Asks a process to stop with `signal`, then SIGKILL if it is still running after the grace period.
 * Resolves once it has exited, or at once if it never started or has exited already.
 */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise<void>((resolve) => {
    // A process that failed to start has no pid, and signalling it would signal pid 0: this
    // process's whole group, the runner and every service included.
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return resolve();
    const done = () => {
      clearTimeout(kill);
      child.off('exit', done);
      child.off('error', done);
      resolve();
    };
    // Referenced: the SIGKILL comes even for a child that does not hold the event loop itself. It
    // is cleared however the stop ends, so it never outlives one.
    const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', done);
    // A signal that could not be sent (EPERM): nothing more can be done from here, and the error
    // must not be thrown at the caller as an unhandled 'error' event. Whoever owns the process
    // (the supervisor) logs it from its own listener.
    child.once('error', done);
    child.kill(signal);
  });
}
