import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { Client } from 'pg';
import { CLOCK_TICKS_PER_SECOND, cpuMsOf } from './processes';

/** A process (or group of them) whose CPU time counts towards a request's: a column of the report. */
export interface CpuSource {
  readonly name: string;
  /** CPU time (user + system) used so far, in ms; undefined where it cannot be read. */
  cpuMs(): number | undefined;
}

/** CPU-ms per request answered, per source: NaN where a source could not be read. */
export type CpuShare = Record<string, number>;

/**
 * Adds up what each source spends while measurements run, so that it can be divided by the
 * requests answered in them. Everything measured counts, whether the shape involves the process
 * or not: an idle subgraph's timers and PostgreSQL's background workers are part of the bill.
 */
export class CpuMeter {
  private readonly spent = new Map<string, number>();

  constructor(private readonly sources: readonly CpuSource[]) {
    for (const source of sources) this.spent.set(source.name, 0);
  }

  /** Runs `measure`, adding each source's CPU time over it. */
  async over<T>(measure: () => Promise<T>): Promise<T> {
    const before = this.sources.map((s) => s.cpuMs());
    const result = await measure();
    for (const [i, source] of this.sources.entries()) {
      const after = source.cpuMs();
      const was = before[i];
      // Unreadable once is unreadable for the figure: a partial sum would look like a measurement.
      this.spent.set(source.name, was === undefined || after === undefined ? NaN : this.spent.get(source.name)! + after - was);
    }
    return result;
  }

  perRequest(requests: number): CpuShare {
    return Object.fromEntries([...this.spent].map(([name, ms]) => [name, requests > 0 ? Math.round((ms / requests) * 100) / 100 : NaN]));
  }
}

/**
 * Waits until `sources` together spend less than `busyMs` of CPU time in `windowMs`, at most
 * `timeoutMs`: when one figure ends, its client stops, but the requests it left in flight are still
 * being answered by the gateway, the subgraphs and PostgreSQL, and on a slow shape that is up to a
 * second of both cores. Measuring the next figure only then keeps that work out of its CPU and
 * latency. /proc counts in 10 ms ticks, so the window is a few ticks long.
 */
export async function settle(sources: readonly CpuSource[], { windowMs = 200, busyMs = 20, timeoutMs = 10_000 } = {}): Promise<void> {
  const spent = () => sources.reduce((sum, s) => sum + (s.cpuMs() ?? 0), 0);
  const deadline = Date.now() + timeoutMs;
  let last = spent();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const now = spent();
    if (now - last < busyMs) return;
    last = now;
  }
}

/** This process: where autocannon and the replays run, so the load generator. */
export const ownCpu = (name: string): CpuSource => ({
  name,
  cpuMs: () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  },
});

/** Several sources as one column. */
export const cpuOfAll = (name: string, sources: readonly { cpuMs(): number }[]): CpuSource => ({ name, cpuMs: () => sources.reduce((sum, s) => sum + s.cpuMs(), 0) });

/**
 * PostgreSQL's CPU time: the postmaster's and that of every process it started (backends,
 * background writers, autovacuum), those that have ended included, as they are in its children's
 * totals. The postmaster is found from a backend's pid, so this works for the embedded server and
 * for a `DATABASE_URL` server on this machine, whoever runs it (/proc/<pid>/stat is world-readable).
 * A server elsewhere, or in another pid namespace, gives a source that reads undefined, and `why`.
 */
export async function postgresCpu(url: string, name: string): Promise<CpuSource & { why?: string }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  let postmaster: number | string;
  try {
    const { rows } = await client.query<{ pid: number; started: number }>('SELECT pg_backend_pid() AS pid, extract(epoch FROM pg_postmaster_start_time())::float8 AS started');
    // While the backend runs: it ends with the connection.
    postmaster = postmasterOf(rows[0].pid, rows[0].started);
  } finally {
    await client.end();
  }
  if (typeof postmaster === 'string') return { name, why: postmaster, cpuMs: () => undefined };
  const pid = postmaster;
  return {
    name,
    cpuMs: () => {
      try {
        const self = readStat(pid).fields;
        // utime, stime, and cutime, cstime: the children it has waited for.
        const own = [11, 12, 13, 14].reduce((sum, i) => sum + Number(self[i]), 0);
        const children = childrenOf(pid).reduce((sum, child) => {
          try {
            return sum + cpuMsOf(child);
          } catch {
            return sum; // ended since it was listed: its time is in the postmaster's cutime now
          }
        }, 0);
        return (own * 1000) / CLOCK_TICKS_PER_SECOND + children;
      } catch {
        return undefined;
      }
    },
  };
}

/** The pid of the postmaster of the running backend `backend`, or why it cannot be found here. */
function postmasterOf(backend: number, started: number): number | string {
  try {
    const stat = readStat(backend);
    if (stat.comm !== 'postgres') return `process ${backend} here is ${stat.comm}, not the server's backend: the server is on another machine or in another pid namespace`;
    const postmaster = Number(stat.fields[1]);
    // A pid of this machine that merely happens to be a postgres too would have started at another time.
    const bootSeconds = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))![1]);
    const startedHere = bootSeconds + Number(readStat(postmaster).fields[19]) / CLOCK_TICKS_PER_SECOND;
    if (Math.abs(startedHere - started) > 5) return `process ${postmaster} here did not start when the server did: the server is on another machine or in another pid namespace`;
    return postmaster;
  } catch (error) {
    return `cannot read the server's processes: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The command name and the fields after it of /proc/<pid>/stat (fields[0] is the state). */
function readStat(pid: number): { comm: string; fields: string[] } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return { comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), fields: stat.slice(stat.lastIndexOf(')') + 2).split(' ') };
}

function childrenOf(pid: number): number[] {
  const listed = `/proc/${pid}/task/${pid}/children`;
  // The postmaster has one thread; without CONFIG_PROC_CHILDREN, every process is looked at.
  if (existsSync(listed)) return readFileSync(listed, 'utf8').split(' ').filter(Boolean).map(Number);
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((child) => {
      try {
        return Number(readStat(child).fields[1]) === pid;
      } catch {
        return false;
      }
    });
}
