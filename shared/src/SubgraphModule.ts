import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { SubgraphServerConfig } from './config';
import type { QueryCounter } from './db/QueryCounter';
import type { SubgraphServer } from './server/createSubgraphServer';

/**
 * What the hub needs to know about a subgraph to migrate, seed, compose, start and test it.
 * Each subgraph package exports one; nothing else about it is shared.
 */
export interface SubgraphModule {
  readonly name: string;
  readonly defaultPort: number;
  /** Absolute path of the subgraph's schema.graphql, the input to composition. */
  readonly schemaPath: string;
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
