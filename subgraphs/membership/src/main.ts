import { createLogger, loadSubgraphConfig } from '@nsc-hub/shared';
import { membershipSubgraph } from './index';

/** Runs the membership subgraph alone: config from env → database → migrations → listen. */
async function main() {
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

  let stopping = false;
  const shutdown = async (signal: string) => {
    // Ctrl-C reaches both this process and the supervisor, which then sends SIGTERM too.
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await server.stop();
    await dataSource.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
