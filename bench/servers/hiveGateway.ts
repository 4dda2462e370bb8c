// Hive Gateway serving the committed supergraph over the same subgraphs, one process, request
// deduplication off (inbound by default, towards subgraphs here), and the subgraphs' shared secret.
import { createServer } from 'node:http';
import { parse } from 'graphql';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { SUBGRAPH_SECRET_HEADER } from '@nsc-hub/shared';
import { required, supergraphWithUrls } from './supergraph';

const secret = required(process.env, 'SUBGRAPH_SECRET');
const gateway = createGatewayRuntime({
  supergraph: parse(supergraphWithUrls(process.env)),
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
