import { createLogger } from '@nsc-hub/shared';
import { openHubDatabase } from './hubDatabase';
import { prepareDatabases } from './prepareDatabases';
import { SUBGRAPHS } from './subgraphs';

/** `npm run seed`: migrates, then inserts the sourced seed data; rows already there are left alone. */
async function main() {
  const log = createLogger('seed');
  const db = await openHubDatabase(process.env, log);
  try {
    await prepareDatabases(db, SUBGRAPHS, 'always', log);
  } finally {
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
