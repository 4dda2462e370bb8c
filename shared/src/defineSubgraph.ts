import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DataSource, EntitySchema, MigrationInterface, MixedList } from 'typeorm';
import { AuditLogEntity } from './db/AuditLogEntity';
import { createDataSource, migrate } from './db/createDataSource';
import { createPeerSubgraph, type PeerSubgraph } from './server/PeerSubgraph';
import { createSubgraphServer, type SubgraphContextBase } from './server/createSubgraphServer';
import { platformResolvers } from './schema/platformResolvers';
import { platformTypeDefs } from './schema/platformTypeDefs';
import { SUBGRAPH_MODULE, type SubgraphModule } from './SubgraphModule';

/** What every subgraph's request context has: the request's caller, id and logger, and its database. */
export interface SubgraphContext extends SubgraphContextBase {
  readonly db: DataSource;
}

/** A subgraph name: lower-case kebab case, a letter first (`membership`, `nordic-cities`). */
export const SUBGRAPH_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export interface SubgraphDefinition<TContext extends SubgraphContext, TPeer extends string = never> {
  /** Lower-case kebab case; the gateway, env variables (`<NAME>_URL`) and the audit log use it. */
  readonly name: string;
  /** Where it listens unless `<NAME>_PORT` says otherwise; unique in the hub. */
  readonly port: number;
  /** Its package folder, holding schema.graphql (`path.resolve(__dirname, '..')` from src/). */
  readonly dir: string;
  /** The Postgres schema it owns; by default its name with underscores for hyphens. */
  readonly dbSchema?: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: MixedList<Function | string | EntitySchema>;
  /** In order of application; include the platform's (`platformMigrations`) before the subgraph's own. */
  readonly migrations: readonly (new () => MigrationInterface)[];
  /** Its own resolvers; the audit log's and the shared scalars' are added. */
  readonly resolvers: object;
  /** Other subgraphs it asks directly (name → default port); the context factory gets a client for each. */
  readonly peers?: Readonly<Record<TPeer, number>>;
  /** The subgraph's part of the request context, built per request (DataLoaders are made here). */
  readonly context: (args: {
    readonly request: SubgraphContext;
    readonly dataSource: DataSource;
    readonly peers: Readonly<Record<TPeer, PeerSubgraph>>;
  }) => Omit<TContext, keyof SubgraphContext>;
  /** Loads the subgraph's sourced seed data; counts by table. None: nothing to seed. */
  readonly seed?: (dataSource: DataSource) => Promise<Record<string, number>>;
  /** Whether the seed is in (`npm start` seeds an empty database only). */
  readonly isSeeded?: (dataSource: DataSource) => Promise<boolean>;
}

/**
 * One subgraph, declared by what is its own (schema, entities, migrations, resolvers, context,
 * seed); the server, the data source, the audit log and idempotency keys come from the platform.
 * The package's index exports the result, and the hub finds it there (scripts/subgraphs.ts).
 */
export function defineSubgraph<TContext extends SubgraphContext, TPeer extends string = never>(definition: SubgraphDefinition<TContext, TPeer>): SubgraphModule {
  const { name, port, dir, peers } = definition;
  if (!SUBGRAPH_NAME.test(name)) throw new Error(`subgraph name "${name}": use lower-case letters, digits and single hyphens, a letter first`);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`subgraph ${name}: port ${port} is not a TCP port`);
  const dbSchema = definition.dbSchema ?? name.replace(/-/g, '_');
  if (!/^[a-z][a-z0-9_]*$/.test(dbSchema)) throw new Error(`subgraph ${name}: Postgres schema "${dbSchema}" must be lower-case letters, digits and underscores`);
  const schemaPath = path.join(dir, 'schema.graphql');
  const typeDefs = `${readFileSync(schemaPath, 'utf8').trimEnd()}\n${platformTypeDefs(name)}`;
  const resolvers = mergeResolvers(platformResolvers(name, dbSchema), definition.resolvers);
  const entities = [AuditLogEntity, ...(definition.entities as unknown[])] as typeof definition.entities;

  return {
    [SUBGRAPH_MODULE]: true,
    name,
    defaultPort: port,
    dir,
    schemaPath,
    typeDefs,
    dbSchema,
    peers,
    createDatabase: (url, options = {}) => createDataSource({ url, schema: dbSchema, entities, migrations: [...definition.migrations], ...options }),
    migrate: (dataSource) => migrate(dataSource, dbSchema),
    seed: async (dataSource) => (definition.seed ? definition.seed(dataSource) : {}),
    isSeeded: async (dataSource) => (definition.isSeeded ? definition.isSeeded(dataSource) : true),
    createServer({ dataSource, config, log }) {
      const peerClients = Object.fromEntries(
        Object.keys(peers ?? {}).map((peer) => [peer, createPeerSubgraph({ name: peer, url: config.peerUrls[peer], secret: config.subgraphSecret })]),
      ) as Record<TPeer, PeerSubgraph>;
      return createSubgraphServer<TContext>({
        config,
        log,
        dataSource,
        typeDefs,
        resolvers: resolvers as GraphQLResolverMap<TContext>,
        context: (base) => {
          const request: SubgraphContext = { ...base, db: dataSource };
          return { ...request, ...definition.context({ request, dataSource, peers: peerClients }) } as TContext;
        },
        idempotency: { dataSource, schema: dbSchema },
      });
    },
  };
}

/** The platform's resolvers with the subgraph's on top, type by type (both may resolve `Query`). */
function mergeResolvers(platform: Record<string, object>, own: object): Record<string, object> {
  const merged: Record<string, object> = { ...platform };
  for (const [typeName, fields] of Object.entries(own)) {
    const shared = merged[typeName];
    merged[typeName] = shared && isPlainObject(shared) && isPlainObject(fields) ? { ...shared, ...fields } : fields;
  }
  return merged;
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
