import type { Logger, SubgraphModule } from '@nsc-hub/shared';
import type { HubDatabase } from './hubDatabase';

/** Applies each subgraph's pending migrations and, where asked, seeds it. */
export async function prepareDatabases(
  db: HubDatabase,
  subgraphs: readonly SubgraphModule[],
  seed: 'always' | 'if-empty' | 'never',
  log: Logger,
): Promise<void> {
  for (const subgraph of subgraphs) {
    const { dataSource } = subgraph.createDatabase(db.urlFor(subgraph.name), { poolSize: 1 });
    await dataSource.initialize();
    try {
      const applied = await subgraph.migrate(dataSource);
      if (applied.length) log.info({ subgraph: subgraph.name, applied }, 'migrations applied');
      if (seed === 'always' || (seed === 'if-empty' && !(await subgraph.isSeeded(dataSource)))) {
        const inserted = await subgraph.seed(dataSource);
        log.info({ subgraph: subgraph.name, inserted }, 'seeded');
      }
    } finally {
      await dataSource.destroy();
    }
  }
}
