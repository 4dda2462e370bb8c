import { createLogger } from '@nsc-hub/shared';
import { openHubDatabase } from './hubDatabase';
import { prepareDatabases } from './prepareDatabases';
import { SUBGRAPHS } from './subgraphs';

/** `npm run migrate`: applies every subgraph's pending migrations. */
async function main() {
  const log = createLogger('migrate');
  const db = await openHubDatabase(process.env, log);
  try {
    await prepareDatabases(db, SUBGRAPHS, 'never', log);
  } finally {
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
