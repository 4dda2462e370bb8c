import { Counter, Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import { QueryCounter } from '../db/QueryCounter';
import type { ServiceMetrics } from './ServiceMetrics';

/** pg's pool as TypeORM's postgres driver keeps it after `initialize()`. */
interface PoolCounts {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

/**
 * A subgraph's database, read at each scrape: its connection pool (open, idle, in use, requests
 * waiting for a connection) and the SQL statements sent since the start.
 */
export function addDatabaseMetrics(metrics: ServiceMetrics, dataSource: DataSource): void {
  const pool = () => (dataSource.driver as unknown as { master?: PoolCounts }).master;
  new Gauge({
    name: 'nsc_db_pool_connections',
    help: 'Connections of the database pool: open, idle, in use, and requests waiting for one.',
    labelNames: ['state'],
    registers: [metrics.registry],
    collect() {
      const counts = pool();
      if (!counts) return;
      this.set({ state: 'open' }, counts.totalCount);
      this.set({ state: 'idle' }, counts.idleCount);
      this.set({ state: 'in_use' }, counts.totalCount - counts.idleCount);
      this.set({ state: 'waiting' }, counts.waitingCount);
    },
  });
  const queries = dataSource.logger instanceof QueryCounter ? dataSource.logger : undefined;
  let counted = 0;
  new Counter({
    name: 'nsc_sql_statements_total',
    help: 'SQL statements sent to the database.',
    registers: [metrics.registry],
    collect() {
      const total = queries?.statements ?? 0;
      if (total > counted) this.inc(total - counted);
      counted = total;
    },
  });
}
