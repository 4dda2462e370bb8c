import { SingleBar, Presets } from 'cli-progress';
import type { Logger } from '@nsc-hub/shared';
import { benchDatabaseName, ensureDatabase, type BenchServer } from './benchDatabase';
import { DEFAULT_SEED, GENERATOR_VERSION, generateBenchData, readBenchDataInfo, recreateDatabase, type BenchDataInfo } from './generate';

/**
 * The benchmark data at `scale`, generated unless the database already holds exactly it (same
 * scale, seed and generator version) or `force` says to make it anew.
 */
export async function ensureBenchData(server: BenchServer, scale: number, log: Logger, options: { seed?: number; force?: boolean } = {}): Promise<BenchDataInfo & { generatedNow: boolean; seconds: number }> {
  const seed = options.seed ?? DEFAULT_SEED;
  const url = server.urlFor(scale);
  await ensureDatabase(server.adminUrl, benchDatabaseName(scale));
  const existing = await readBenchDataInfo(url);
  if (!options.force && existing && existing.scale === scale && existing.seed === seed && existing.generatorVersion === GENERATOR_VERSION) {
    return { ...existing, generatedNow: false, seconds: 0 };
  }
  const started = Date.now();
  await recreateDatabase(server.adminUrl, benchDatabaseName(scale));
  const bar = new SingleBar({ format: `scale ${scale} [{bar}] {percentage}% | {value}/{total} rows | {duration}s`, noTTYOutput: true, notTTYSchedule: 5000 }, Presets.shades_classic);
  const info = await generateBenchData(url, scale, seed, log, {
    start: (total) => bar.start(total, 0),
    advance: (rows) => bar.increment(rows),
    stop: () => bar.stop(),
  });
  return { ...info, generatedNow: true, seconds: (Date.now() - started) / 1000 };
}
