import { timingSafeEqual } from 'node:crypto';
import express from 'express';
import { parse } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { Logger } from 'pino';
import type { Caller } from '../auth';
import { ERRORS } from '../errors';
import { REQUEST_ID_HEADER, SUBGRAPH_SECRET_HEADER, type SubgraphServerConfig } from '../config';
import { serverModeOptions, useRequestErrors, type RequestContextBase } from './errorHandling';
import { createHttpServer, listen, type Listening } from './listen';
import { callerForRequest, jsonErrorHandler, onlyGetAndPost, requestIdFrom } from './requestContext';
import { useSchemaPrivacy } from './useSchemaPrivacy';
import { useIdempotencyKeys, type IdempotencyStore } from './useIdempotencyKeys';
import { useNoNulCharacters } from './useNoNulCharacters';

/** What every subgraph's request context has. */
export interface SubgraphContextBase extends RequestContextBase {
  readonly caller: Caller;
}

export interface SubgraphServerOptions<TContext extends SubgraphContextBase> {
  readonly config: SubgraphServerConfig;
  readonly typeDefs: string;
  readonly resolvers: GraphQLResolverMap<TContext>;
  /** Builds the per-request context (DataLoaders are created here, once per request). */
  readonly context: (args: { caller: Caller; requestId: string }) => TContext | Promise<TContext>;
  readonly log: Logger;
  /** Where mutations with an Idempotency-Key keep their results (the subgraph's own database). */
  readonly idempotency: IdempotencyStore;
  /** Extra readiness check for /health (e.g. the database answers). */
  readonly ready?: () => Promise<void>;
}

export interface SubgraphServer {
  start(port: number, host: string): Promise<Listening>;
  stop(): Promise<void>;
}

function secretMatches(expected: Buffer, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const actual = Buffer.from(given);
  // Compare at constant time; length differences are not secret.
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A subgraph as the gateway sees it: POST /graphql behind the shared-secret check, the caller
 * taken from the forwarded bearer token, errors masked outside development, GET /health.
 * No env and no listen on construction: tests build it with their own config and port 0.
 */
export function createSubgraphServer<TContext extends SubgraphContextBase>(options: SubgraphServerOptions<TContext>): SubgraphServer {
  const { config, log } = options;
  const httpServer = createHttpServer();
  const apollo = new ApolloServer<TContext>({
    schema: buildSubgraphSchema({ typeDefs: parse(options.typeDefs), resolvers: options.resolvers as GraphQLResolverMap<unknown> }),
    ...serverModeOptions(config.mode),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Subgraphs are for the gateway, not browsers: no landing page in any mode.
      ApolloServerPluginLandingPageDisabled(),
      // Traces are for Apollo's hosted studio, which the hub does not use; nor does it use cache
      // hints. Either would wrap every field's resolver (a measurable cost on long lists).
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      useRequestErrors<TContext>(log),
      useNoNulCharacters<TContext>(),
      ...(config.mode.production ? [useSchemaPrivacy<TContext>()] : []),
      useIdempotencyKeys<TContext>(options.idempotency, log),
    ],
  });
  const expectedSecret = Buffer.from(config.subgraphSecret);
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get(['/health', '/readyz'], async (_req, res) => {
    try {
      await options.ready?.();
      res.json({ status: 'ok', subgraph: config.name });
    } catch (error) {
      log.warn({ err: error }, 'health check failed');
      res.status(503).json({ status: 'unavailable', subgraph: config.name });
    }
  });

  let started: Listening | undefined;
  return {
    async start(port, host) {
      await apollo.start();
      app.use(
        '/graphql',
        onlyGetAndPost(),
        (req, res, next) => {
          if (secretMatches(expectedSecret, req.headers[SUBGRAPH_SECRET_HEADER])) return next();
          res.status(401).json({
            errors: [{ message: 'This subgraph only answers the gateway', extensions: { code: ERRORS.UNAUTHENTICATED.code } }],
          });
        },
        express.json({ limit: '1mb' }),
        expressMiddleware(apollo, {
          context: async ({ req }) => {
            const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
            const caller = await callerForRequest(config.jwt, req.headers.authorization, requestId, log);
            return options.context({ caller, requestId });
          },
        }),
      );
      app.use(jsonErrorHandler(log));
      httpServer.on('request', app);
      started = await listen(httpServer, port, host);
      log.info({ url: `${started.url}/graphql` }, `${config.name} subgraph ready`);
      return started;
    },
    async stop() {
      if (started) await apollo.stop();
      else httpServer.close();
    },
  };
}
