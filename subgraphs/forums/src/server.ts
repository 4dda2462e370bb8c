import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { createPeerSubgraph, createSubgraphServer, type Logger, type SubgraphServer, type SubgraphServerConfig } from '@nsc-hub/shared';
import type { ForumsContext } from './context';
import { Directory, type Peers } from './directory';
import { createLoaders } from './loaders';
import { resolvers } from './resolvers';
import { DB_SCHEMA } from './dbSchema';

export const SCHEMA_PATH = path.resolve(__dirname, '..', 'schema.graphql');

/** The forums subgraph without env or listening: main.ts and the tests supply both. */
export function createForumsServer(args: { dataSource: DataSource; config: SubgraphServerConfig; log: Logger }): SubgraphServer {
  const { dataSource, config, log } = args;
  const peer = (name: string) => createPeerSubgraph({ name, url: config.peerUrls[name], secret: config.subgraphSecret });
  const peers: Peers = { membership: peer('membership'), knowledge: peer('knowledge') };
  return createSubgraphServer<ForumsContext>({
    config,
    log,
    dataSource,
    typeDefs: readFileSync(SCHEMA_PATH, 'utf8'),
    resolvers: resolvers as GraphQLResolverMap<ForumsContext>,
    context: (request) => ({ ...request, db: dataSource, loaders: createLoaders(dataSource), directory: new Directory(peers, request) }),
    idempotency: { dataSource, schema: DB_SCHEMA },
  });
}
