import type { DataSource } from 'typeorm';
import { withTimeout } from '../withTimeout';

/**
 * `SELECT 1` within `timeoutMs`, for readiness probes: a database that hangs fails the probe
 * instead of hanging it. While a ping is unanswered, later probes wait on the same one (each for
 * its own `timeoutMs`), so a hung database does not tie up a pool connection per probe.
 */
export function createDatabasePing(dataSource: DataSource, timeoutMs: number): () => Promise<void> {
  let pending: Promise<unknown> | undefined;
  return async () => {
    pending ??= dataSource.query('SELECT 1').finally(() => {
      pending = undefined;
    });
    await withTimeout(pending, timeoutMs, () => {
      throw Object.assign(new Error(`The database did not answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' });
    });
  };
}
