import path from 'node:path';
import { defineSubgraph } from '@nsc-hub/shared';
import type { KnowledgeContext } from './context';
import { DB_SCHEMA } from './dbSchema';
import { entities } from './entities';
import { createLoaders } from './loaders';
import { migrations } from './migrations';
import { resolvers } from './resolvers';
import { isSeeded, seedKnowledge } from './seed';

export { buildSeedRows, seedKnowledge } from './seed';
export { createLoaders } from './loaders';
export * from './entities';
export { DB_SCHEMA };

/** Guidelines, toolkits, good practice, reports and plans, by topic and language, with full-text search. */
export const knowledgeSubgraph = defineSubgraph<KnowledgeContext>({
  name: 'knowledge',
  port: 4002,
  dir: path.resolve(__dirname, '..'),
  dbSchema: DB_SCHEMA,
  entities,
  migrations,
  resolvers,
  context: ({ request, dataSource }) => ({ loaders: createLoaders(dataSource, request.orderLocale, request.selection) }),
  seed: async (dataSource) => ({ ...(await seedKnowledge(dataSource)) }),
  isSeeded,
});
