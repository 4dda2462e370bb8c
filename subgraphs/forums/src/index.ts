import path from 'node:path';
import { defineSubgraph } from '@nsc-hub/shared';
import type { ForumsContext } from './context';
import { DB_SCHEMA } from './dbSchema';
import { Directory, type Peers } from './directory';
import { entities } from './entities';
import { createLoaders } from './loaders';
import { migrations } from './migrations';
import { resolvers } from './resolvers';
import { isSeeded, seedForums } from './seed';

export { buildSeedRows, seedForums } from './seed';
export { createLoaders } from './loaders';
export * from './entities';
export { DB_SCHEMA };

/** International forums, their working groups, events and who took part in what role. */
export const forumsSubgraph = defineSubgraph<ForumsContext, keyof Peers>({
  name: 'forums',
  port: 4003,
  dir: path.resolve(__dirname, '..'),
  dbSchema: DB_SCHEMA,
  entities,
  migrations,
  resolvers,
  // Asked before a write references a city, country or resource they own.
  peers: { membership: 4001, knowledge: 4002 },
  context: ({ request, dataSource, peers }) => ({ loaders: createLoaders(dataSource, request.orderLocale, request.selection), directory: new Directory(peers, request) }),
  seed: async (dataSource) => ({ ...(await seedForums(dataSource)) }),
  isSeeded,
});
