// Hive Gateway serving the committed supergraph over the same subgraphs, one process, request
// deduplication off (inbound by default, towards subgraphs here), and the subgraphs' shared secret.
// With HIVE_ROUTER_RUNTIME=true (the variable Hive's own CLI reads for it), queries are planned by
// Hive Router's Rust query planner and run by its executor (@graphql-hive/router-runtime) instead
// of the default JavaScript stitching runtime; everything else is the same.
import { createServer } from 'node:http';
import { parse } from 'graphql';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { SUBGRAPH_SECRET_HEADER } from '@nsc-hub/shared';
import { required, supergraphWithUrls } from './supergraph';

async function main() {
  const secret = required(process.env, 'SUBGRAPH_SECRET');
  const rust = process.env.HIVE_ROUTER_RUNTIME === 'true';
  const gateway = createGatewayRuntime({
    supergraph: parse(supergraphWithUrls(process.env)),
    ...(rust ? { unifiedGraphHandler: (await import('@graphql-hive/router-runtime')).unifiedGraphHandler } : {}),
    logging: 'error',
    landingPage: false,
    graphiql: false,
    inboundInflightRequestDeduplication: false,
    transportEntries: { '*': { options: { deduplicateInflightRequests: false } } },
    propagateHeaders: { fromClientToSubgraphs: () => ({ [SUBGRAPH_SECRET_HEADER]: secret }) },
  });
  const server = createServer(gateway);
  server.listen(Number(required(process.env, 'PORT')), '127.0.0.1');
  process.once('SIGTERM', () => {
    server.close();
    void Promise.resolve(gateway.dispose()).then(() => process.exit(0));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
