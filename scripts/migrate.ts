import { Command } from 'commander';
import { createLogger, runMain } from '@nsc-hub/shared';
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
  const db = await openHubDatabase(process.env, log);
  try {
    await prepareDatabases(db, SUBGRAPHS, seed ? 'always' : 'never', log);
  } finally {
    await db.stop();
  }
});
