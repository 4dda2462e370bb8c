import path from 'node:path';
import { defineSubgraph } from '@nsc-hub/shared';
import type { DenmarkContext } from './context';
import { DB_SCHEMA } from './dbSchema';
import { entities } from './entities';
import { createLoaders } from './loaders';
import { migrations } from './migrations';
import { resolvers } from './resolvers';
import { isSeeded, seedDenmark } from './seed';

export { buildSeedRows, seedDenmark } from './seed';
export * from './entities';
export { DB_SCHEMA };

/** How Danish authorities cooperate on crime prevention: police districts, municipalities, prevention structures, national bodies. Owned and run by the Danish team. */
export const denmarkSubgraph = defineSubgraph<DenmarkContext>({
  name: 'denmark',
  port: 4004,
  dir: path.resolve(__dirname, '..'),
  dbSchema: DB_SCHEMA,
  entities,
  migrations,
  resolvers,
  context: ({ dataSource }) => ({ loaders: createLoaders(dataSource) }),
  seed: seedDenmark,
  isSeeded,
});
