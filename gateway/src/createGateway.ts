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
  IDEMPOTENCY_KEY_HEADER,
  onlyGetAndPost,
  parseIdempotencyKey,
  requestFingerprint,
  useNoNulCharacters,
  useRequestErrors,
  useSchemaPrivacy,
  type Listening,
  type Logger,
} from '@nsc-hub/shared';
import { AuthenticatedDataSource } from './AuthenticatedDataSource';
import { createSubgraphFetcher } from './subgraphFetcher';
import { useQueryCost } from './plugins/useQueryCost';
import { limitValidationRules, restoreLimitError } from './requestLimits';
import type { GatewayConfig } from './config';
import type { GatewayContext } from './GatewayContext';

export interface Gateway {
  start(): Promise<Listening>;
  stop(): Promise<void>;
}

/** The one endpoint: POST/GET /graphql over the composed supergraph, GET /health. */
export function createGateway(config: GatewayConfig, log: Logger): Gateway {
  const httpServer = createHttpServer();
  const subgraphHttp = createSubgraphFetcher(config.subgraphTimeoutMs);
  const gateway = new ApolloGateway({
    supergraphSdl: config.supergraphSdl,
    buildService: ({ name, url }) => {
      const target = config.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`No URL for subgraph "${name}": set ${name.toUpperCase()}_URL`);
      return new AuthenticatedDataSource(name, target, config.subgraphSecret, config.subgraphTimeoutMs, subgraphHttp);
    },
  });
  const modeOptions = serverModeOptions(config.mode);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    ...modeOptions,
    formatError: (formatted, error) => modeOptions.formatError(restoreLimitError(formatted, error, config.limits)),
    parseOptions: { maxTokens: config.limits.tokens },
    validationRules: limitValidationRules(config.limits),
    // One operation per HTTP request: a JSON array of operations is refused (Apollo's default, kept on purpose).
    allowBatchedHttpRequests: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      config.mode.production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
      useRequestErrors<GatewayContext>(log),
      useNoNulCharacters<GatewayContext>(),
      useQueryCost<GatewayContext>(config.limits.cost),
      ...(config.mode.production ? [useSchemaPrivacy<GatewayContext>()] : []),
    ],
  });

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get(['/health', '/readyz'], (_req, res) => {
    res.json({ status: 'ok' });
  });

  return {
    async start() {
      await apollo.start();
      app.use(
        '/graphql',
        cors({ origin: config.corsOrigins === '*' ? '*' : [...config.corsOrigins], maxAge: 600 }),
        onlyGetAndPost(),
        express.json({ limit: config.limits.bodyBytes }),
        expressMiddleware(apollo, {
          context: async ({ req }) => {
            // Clients do not choose request ids: every request gets a fresh one here.
            const requestId = requestIdFrom(undefined);
            const authorization = req.headers.authorization;
            const caller = await callerForRequest(config.jwt, authorization, requestId, log);
            const key = parseIdempotencyKey(req.headers[IDEMPOTENCY_KEY_HEADER]);
            const idempotency = key ? { key, fingerprint: requestFingerprint(req.body ?? {}) } : undefined;
            return { caller, authorization, requestId, idempotency };
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
      await subgraphHttp.close();
    },
  };
}
