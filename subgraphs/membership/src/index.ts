import { createDataSource, migrate, type SubgraphModule } from '@nsc-hub/shared';
import { entities } from './entities';
import { migrations } from './migrations';
import { isSeeded, seedMembership } from './seed';
import { SCHEMA_PATH, createMembershipServer } from './server';
import { DB_SCHEMA } from './dbSchema';

export { createMembershipServer } from './server';
export { buildSeedRows, cityIdFor, seedMembership } from './seed';
export { createLoaders } from './loaders';
export * from './entities';

export { DB_SCHEMA };

export const membershipSubgraph: SubgraphModule = {
  name: 'membership',
  defaultPort: 4001,
  schemaPath: SCHEMA_PATH,
  dbSchema: DB_SCHEMA,
  createDatabase: (url, options = {}) => createDataSource({ url, schema: DB_SCHEMA, entities, migrations, ...options }),
  migrate: (dataSource) => migrate(dataSource, DB_SCHEMA),
  seed: async (dataSource) => ({ ...(await seedMembership(dataSource)) }),
  isSeeded,
  createServer: createMembershipServer,
};
