import { createLogger, loadSubgraphConfig, onShutdown, runMain } from '@nsc-hub/shared';
import { membershipSubgraph } from './index';

/** Runs the membership subgraph alone: config from env → database → migrations → listen. */
runMain(async () => {
  const log = createLogger('membership');
  const config = loadSubgraphConfig(membershipSubgraph.name, membershipSubgraph.defaultPort);
  if (!config.databaseUrl) {
    throw new Error('Set MEMBERSHIP_DATABASE_URL or DATABASE_URL (or run the whole hub with `npm start`, which provides one)');
  }
  const { dataSource } = membershipSubgraph.createDatabase(config.databaseUrl, { poolSize: config.poolSize, logger: log });
  await dataSource.initialize();
  const applied = await membershipSubgraph.migrate(dataSource);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const server = membershipSubgraph.createServer({ dataSource, config, log });
  await server.start(config.port, config.host);
  onShutdown(log, async () => {
    await server.stop();
    await dataSource.destroy();
  });
});
