import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { SubgraphServerConfig } from './config';
import type { QueryCounter } from './db/QueryCounter';
import type { SubgraphServer } from './server/createSubgraphServer';

/** Marks the objects `defineSubgraph` makes, so the hub can find them among a package's exports. */
export const SUBGRAPH_MODULE: unique symbol = Symbol.for('nsc-hub.subgraph-module') as never;

/**
 * What the hub needs to know about a subgraph to migrate, seed, compose, start and test it.
 * Each subgraph package exports one, made by `defineSubgraph`; the hub finds them in `subgraphs/*`.
 */
export interface SubgraphModule {
  readonly [SUBGRAPH_MODULE]: true;
  readonly name: string;
  readonly defaultPort: number;
  /** The subgraph's package folder (`subgraphs/<name>`). */
  readonly dir: string;
  /** Absolute path of the subgraph's own schema.graphql, as its team writes it. */
  readonly schemaPath: string;
  /** What it serves and composition reads: schema.graphql plus the platform's part (the audit log). */
  readonly typeDefs: string;
  /** The Postgres schema it owns. */
  readonly dbSchema: string;
  /** Other subgraphs it asks directly (name → default port), e.g. to check that a referenced city exists. */
  readonly peers?: Readonly<Record<string, number>>;
  createDatabase(url: string, options?: { poolSize?: number; logger?: Logger }): {
    dataSource: DataSource;
    queries: QueryCounter;
  };
  migrate(dataSource: DataSource): Promise<string[]>;
  seed(dataSource: DataSource): Promise<Record<string, number>>;
  isSeeded(dataSource: DataSource): Promise<boolean>;
  createServer(args: {
    dataSource: DataSource;
    config: SubgraphServerConfig;
    log: Logger;
  }): SubgraphServer;
}

/** True for what `defineSubgraph` returned, whichever copy of this package made it. */
export function isSubgraphModule(value: unknown): value is SubgraphModule {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[SUBGRAPH_MODULE] === true;
}
