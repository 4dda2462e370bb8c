// Stock @apollo/gateway with its default options, over the same subgraphs: the one change is the
// shared secret header every hub subgraph requires.
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { SUBGRAPH_SECRET_HEADER } from '@nsc-hub/shared';
import { required, supergraphWithUrls } from './supergraph';

async function main() {
  const secret = required(process.env, 'SUBGRAPH_SECRET');
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphWithUrls(process.env),
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource({
        url,
        willSendRequest: ({ request }) => {
          request.http?.headers.set(SUBGRAPH_SECRET_HEADER, secret);
        },
      }),
  });
  const server = new ApolloServer({ gateway });
  await startStandaloneServer(server, { listen: { port: Number(required(process.env, 'PORT')), host: '127.0.0.1' } });
  process.once('SIGTERM', () => server.stop().then(() => process.exit(0)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
