import path from 'node:path';
import { defineSubgraph } from '@nsc-hub/shared';
import type { MembershipContext } from './context';
import { DB_SCHEMA } from './dbSchema';
import { entities } from './entities';
import { createLoaders } from './loaders';
import { migrations } from './migrations';
import { resolvers } from './resolvers';
import { isSeeded, seedMembership } from './seed';

export { buildSeedRows, cityIdFor, seedMembership } from './seed';
export { createLoaders } from './loaders';
export * from './entities';
export { DB_SCHEMA };

/** Countries, cities, networks, memberships, cooperation models and contact persons. */
export const membershipSubgraph = defineSubgraph<MembershipContext>({
  name: 'membership',
  port: 4001,
  dir: path.resolve(__dirname, '..'),
  dbSchema: DB_SCHEMA,
  entities,
  migrations,
  resolvers,
  context: ({ request, dataSource }) => ({ loaders: createLoaders(dataSource, request.orderLocale) }),
  seed: async (dataSource) => ({ ...(await seedMembership(dataSource)) }),
  isSeeded,
});
