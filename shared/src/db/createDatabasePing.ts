import type { DataSource } from 'typeorm';

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
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error(`The database did not answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })), timeoutMs);
    });
    try {
      await Promise.race([pending, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  };
}
