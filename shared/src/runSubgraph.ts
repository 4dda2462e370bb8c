import { loadSubgraphConfig } from './config';
import { envNameOf } from './env';
import { createLogger } from './logger';
import { serveMetrics } from './metrics/serveMetrics';
import { stopTracing } from './tracing/startTracing';
import { onShutdown, runMain } from './process';
import type { SubgraphModule } from './SubgraphModule';

/**
 * A subgraph's main: config from env → database → pending migrations → listen, and a clean stop
 * on SIGINT/SIGTERM. Seeding is left to `npm run seed` (or `npm start` on an empty database).
 */
export function runSubgraph(subgraph: SubgraphModule): void {
  runMain(async () => {
    const log = createLogger(subgraph.name);
    const config = loadSubgraphConfig(subgraph.name, subgraph.defaultPort, process.env, subgraph.peers);
    if (!config.databaseUrl) {
      const name = envNameOf(subgraph.name);
      throw new Error(`Set ${name}_DATABASE_URL or DATABASE_URL (or run the whole hub with \`npm start\`, which provides one)`);
    }
    const { dataSource } = subgraph.createDatabase(config.databaseUrl, { poolSize: config.poolSize, logger: log });
    await dataSource.initialize();
    const applied = await subgraph.migrate(dataSource);
    if (applied.length) log.info({ applied }, 'migrations applied');
    const server = subgraph.createServer({ dataSource, config, log });
    await server.start(config.port, config.host);
    const metrics = await serveMetrics(server.metrics, config.metrics, log);
    onShutdown(log, async () => {
      await metrics?.close();
      await server.stop();
      await dataSource.destroy();
      await stopTracing();
    });
  });
}
