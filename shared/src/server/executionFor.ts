import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { SubgraphExecutor } from '../config';
import { comparedExecution } from './comparedExecution';
import { compiledExecution, graphqlJsExecution, type Execution } from './compiledExecution';

/** The execution `SUBGRAPH_EXECUTOR` names. */
export function executionFor(executor: SubgraphExecutor, schema: GraphQLSchema, log: Logger): Execution {
  switch (executor) {
    case 'graphql-js':
      return graphqlJsExecution;
    case 'compiled':
      return compiledExecution(schema);
    case 'compare':
      return comparedExecution({ answer: compiledExecution(schema), reference: graphqlJsExecution, log });
  }
}
