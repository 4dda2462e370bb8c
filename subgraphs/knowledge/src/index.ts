import { createDataSource, migrate, type SubgraphModule } from '@nsc-hub/shared';
import { DB_SCHEMA } from './dbSchema';
import { entities } from './entities';
import { migrations } from './migrations';
import { isSeeded, seedKnowledge } from './seed';
import { SCHEMA_PATH, createKnowledgeServer } from './server';

export { createKnowledgeServer } from './server';
export { buildSeedRows, seedKnowledge } from './seed';
export { createLoaders } from './loaders';
export * from './entities';
export { DB_SCHEMA };

export const knowledgeSubgraph: SubgraphModule = {
  name: 'knowledge',
  defaultPort: 4002,
  schemaPath: SCHEMA_PATH,
  dbSchema: DB_SCHEMA,
  createDatabase: (url, options = {}) => createDataSource({ url, schema: DB_SCHEMA, entities, migrations, ...options }),
  migrate: (dataSource) => migrate(dataSource, DB_SCHEMA),
  seed: async (dataSource) => ({ ...(await seedKnowledge(dataSource)) }),
  isSeeded,
  createServer: createKnowledgeServer,
};
