// Between the gateways' rounds the benchmark waits until the machine has settled: the requests one
// round left in flight are still being answered when it ends, and their CPU must not be billed to
// the next round's gateway.
import { settle, type CpuSource } from '../bench/lib/cpuMeter';

/** A process read once per window: busy (`perRead` CPU-ms between reads) for its first `busyReads` reads, then idle. */
function sourceBusyFor(busyReads: number, perRead = 50): CpuSource & { reads: number } {
  const source = {
    name: 'process',
    reads: 0,
    cpuMs: () => {
      source.reads += 1;
      return Math.min(source.reads, busyReads + 1) * perRead;
    },
  };
  return source;
}

it('waits while the sources still spend CPU, and returns at the first quiet window', async () => {
  const busy = sourceBusyFor(5);
  const quiet = sourceBusyFor(0);
  await settle([busy, quiet], { windowMs: 10, busyMs: 20 });
  // One read before the first window, five busy windows, then the quiet one.
  expect(busy.reads).toBe(7);
  expect(quiet.reads).toBe(7);
});

it('returns after one window when nothing runs', async () => {
  const idle = sourceBusyFor(0);
  await settle([idle], { windowMs: 10, busyMs: 20 });
  expect(idle.reads).toBe(2);
});

it('gives up at its timeout when something never stops', async () => {
  const endless = sourceBusyFor(Number.MAX_SAFE_INTEGER);
  const started = Date.now();
  await settle([endless], { windowMs: 10, busyMs: 20, timeoutMs: 100 });
  expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  expect(endless.reads).toBeGreaterThan(2);
});
