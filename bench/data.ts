import { Command } from 'commander';
import { createLogger, runMain } from '@nsc-hub/shared';
import { openBenchServer } from './lib/benchDatabase';
import { ensureBenchData } from './lib/ensureData';
import { DEFAULT_SEED } from './lib/generate';

/**
 * `npm run bench:data -- --scale N`: synthetic data for the benchmark in a database of its own
 * (`nsc_hub_bench_s<N>`), never the hub's.
 */
runMain(async () => {
  const options = new Command('bench:data')
    .description('Generate the benchmark data at a scale (1: ~1,000 cities, 10,000 resources, 2,000 events, 20,000 participations)')
    .option('--scale <n>', 'how many times the scale-1 data', (v) => positiveInt(v, '--scale'), 1)
    .option('--seed <n>', 'seed of the random generator', (v) => positiveInt(v, '--seed'), DEFAULT_SEED)
    .option('--force', 'make it anew even if the database already holds it', false)
    .parse()
    .opts<{ scale: number; seed: number; force: boolean }>();
  const log = createLogger('bench');
  const server = await openBenchServer(process.env, log);
  try {
    const info = await ensureBenchData(server, options.scale, log, { seed: options.seed, force: options.force });
    console.log(
      info.generatedNow
        ? `Generated scale ${info.scale} in ${info.seconds.toFixed(1)} s: ${JSON.stringify(info.counts)}`
        : `Scale ${info.scale} (seed ${info.seed}) is already there: ${JSON.stringify(info.counts)} (--force makes it anew)`,
    );
  } finally {
    await server.stop();
  }
});

export function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1, not "${value}"`);
  return n;
}
