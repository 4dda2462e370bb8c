import cors from 'cors';
import express from 'express';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import {
  callerForRequest,
  createHttpServer,
  jsonErrorHandler,
  requestIdFrom,
  listen,
  serverModeOptions,
  useNoNulCharacters,
  useRequestErrors,
  type Listening,
  type Logger,
} from '@nsc-hub/shared';
import { AuthenticatedDataSource } from './AuthenticatedDataSource';
import type { GatewayConfig } from './config';
import type { GatewayContext } from './GatewayContext';

export interface Gateway {
  start(): Promise<Listening>;
  stop(): Promise<void>;
}

/** The one endpoint: POST/GET /graphql over the composed supergraph, GET /health. */
export function createGateway(config: GatewayConfig, log: Logger): Gateway {
  const httpServer = createHttpServer();
  const gateway = new ApolloGateway({
    supergraphSdl: config.supergraphSdl,
    buildService: ({ name, url }) => {
      const target = config.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`No URL for subgraph "${name}": set ${name.toUpperCase()}_URL`);
      return new AuthenticatedDataSource(name, target, config.subgraphSecret);
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    ...serverModeOptions(config.mode),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      config.mode.production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
      useRequestErrors<GatewayContext>(log),
      useNoNulCharacters<GatewayContext>(),
    ],
  });

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  return {
    async start() {
      await apollo.start();
      app.use(
        '/graphql',
        cors({ origin: config.corsOrigins === '*' ? '*' : [...config.corsOrigins], maxAge: 600 }),
        express.json({ limit: '100kb' }),
        expressMiddleware(apollo, {
          context: async ({ req }) => {
            // Clients do not choose request ids: every request gets a fresh one here.
            const requestId = requestIdFrom(undefined);
            const authorization = req.headers.authorization;
            const caller = await callerForRequest(config.jwt, authorization, requestId, log);
            return { caller, authorization, requestId };
          },
        }),
      );
      app.use(jsonErrorHandler(log));
      httpServer.on('request', app);
      const listening = await listen(httpServer, config.port, config.host);
      log.info({ url: `${listening.url}/graphql` }, 'gateway ready');
      return listening;
    },
    async stop() {
      await apollo.stop();
    },
  };
}
