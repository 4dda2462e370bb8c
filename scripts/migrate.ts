import { Command } from 'commander';
import { createLogger, onShutdown, runMain } from '@nsc-hub/shared';
import { openHubDatabase } from './hubDatabase';
import { prepareDatabases } from './prepareDatabases';
import { SUBGRAPHS } from './subgraphs';

/**
 * `npm run migrate`: applies every subgraph's pending migrations.
 * `npm run seed` (`--seed`): then inserts the sourced seed data; rows already there are left alone.
 */
const { seed } = new Command()
  .name('migrate')
  .option('--seed', 'insert the seed data after migrating')
  .parse()
  .opts<{ seed?: boolean }>();

runMain(async () => {
  const log = createLogger(seed ? 'seed' : 'migrate');
  const opening = openHubDatabase(
    process.env,
    SUBGRAPHS.map((s) => s.name),
    log,
  );
  // Interrupted: an embedded PostgreSQL this command started is stopped, never left running.
  const stop = async () => (await opening.catch(() => undefined))?.stop();
  onShutdown(log, stop);
  try {
    await prepareDatabases(await opening, SUBGRAPHS, seed ? 'always' : 'never', log);
  } finally {
    await stop();
  }
});
