import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { createSubgraphServer, type Logger, type SubgraphServerConfig, type SubgraphServer } from '@nsc-hub/shared';
import type { MembershipContext } from './context';
import { createLoaders } from './loaders';
import { resolvers } from './resolvers';
import { DB_SCHEMA } from './dbSchema';

export const SCHEMA_PATH = path.resolve(__dirname, '..', 'schema.graphql');

export interface MembershipServerOptions {
  readonly dataSource: DataSource;
  readonly config: SubgraphServerConfig;
  readonly log: Logger;
}

/** The membership subgraph without env or listening: main.ts and the tests supply both. */
export function createMembershipServer({ dataSource, config, log }: MembershipServerOptions): SubgraphServer {
  return createSubgraphServer<MembershipContext>({
    config,
    log,
    dataSource,
    typeDefs: readFileSync(SCHEMA_PATH, 'utf8'),
    resolvers: resolvers as GraphQLResolverMap<MembershipContext>,
    context: (request) => ({ ...request, db: dataSource, loaders: createLoaders(dataSource) }),
    idempotency: { dataSource, schema: DB_SCHEMA },
  });
}
