import { createDataSource, migrate, type SubgraphModule } from '@nsc-hub/shared';
import { DB_SCHEMA } from './dbSchema';
import { entities } from './entities';
import { migrations } from './migrations';
import { isSeeded, seedForums } from './seed';
import { SCHEMA_PATH, createForumsServer } from './server';

export { createForumsServer } from './server';
export { buildSeedRows, seedForums } from './seed';
export { createLoaders } from './loaders';
export * from './entities';
export { DB_SCHEMA };

export const forumsSubgraph: SubgraphModule = {
  name: 'forums',
  defaultPort: 4003,
  schemaPath: SCHEMA_PATH,
  dbSchema: DB_SCHEMA,
  // Asked before a write references a city, country or resource they own.
  peers: { membership: 4001, knowledge: 4002 },
  createDatabase: (url, options = {}) => createDataSource({ url, schema: DB_SCHEMA, entities, migrations, ...options }),
  migrate: (dataSource) => migrate(dataSource, DB_SCHEMA),
  seed: async (dataSource) => ({ ...(await seedForums(dataSource)) }),
  isSeeded,
  createServer: createForumsServer,
};
