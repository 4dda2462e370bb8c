import type { RequestHandler } from 'express';
import { requestedOperation } from './servePersistedOperations';

/** Media types only GraphQL clients ask for; a browser's <img>, <script>, <link> or form never does. */
const GRAPHQL_RESPONSE_TYPES = /application\/graphql-response\+json/i;

/**
 * Lets through Apollo Server's CSRF rule the GET queries GraphQL clients send with their default
 * settings (urql, Apollo Client's `useGETForQueries`, Relay): those that ask for a GraphQL
 * response (`Accept: application/graphql-response+json`, GraphQL over HTTP's own media type) or
 * name a persisted operation. What a cross-site element or form can send (`Accept: *\/*`,
 * `text/html`, `application/json`) still needs a preflight-forcing header, and a mutation is never
 * run by GET (405). A GET query changes nothing, so at worst a page elsewhere learns how long one
 * took, never its answer (CORS keeps that from it).
 */
export function acceptGraphQLClientGets(): RequestHandler {
  return (req, _res, next) => {
    if (req.method === 'GET' && !req.headers['apollo-require-preflight']) {
      // Marked as Apollo's own preflight-forcing header would mark it.
      if (GRAPHQL_RESPONSE_TYPES.test(req.headers.accept ?? '') || requestedOperation(req).id !== undefined) req.headers['apollo-require-preflight'] = 'true';
    }
    next();
  };
}
