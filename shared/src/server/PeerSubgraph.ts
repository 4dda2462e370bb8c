import type { Logger } from 'pino';
import { request as httpRequest } from 'undici';
import { ERRORS } from '../errors';
import { envNameOf } from '../env';
import { REQUEST_ID_HEADER, SUBGRAPH_SECRET_HEADER } from '../config';

/** One key of an entity another subgraph owns, as federation writes it: `{ __typename: 'City', id }`. */
export type Representation = { readonly __typename: string } & Readonly<Record<string, unknown>>;

/** The request a peer lookup is made for: its id is forwarded, and its logger gets the failures. */
export interface PeerRequest {
  readonly requestId: string;
  readonly log: Logger;
}

/**
 * Another subgraph, asked directly the way the gateway asks it (`_entities` with the shared
 * secret). A subgraph uses it where it must know a record it references exists, e.g. before
 * writing a participation of a city the membership subgraph owns.
 */
export interface PeerSubgraph {
  readonly name: string;
  /**
   * The owner's answer for each representation, in order; null where it has no such record.
   * `selection` is the fields to fetch, e.g. `... on City { id country { code } }`.
   */
  entities<T>(representations: readonly Representation[], selection: string, request: PeerRequest): Promise<(T | null)[]>;
}

export interface PeerSubgraphOptions {
  readonly name: string;
  /** Its GraphQL URL; undefined when the hub has not been told where it runs. */
  readonly url: string | undefined;
  readonly secret: string;
  readonly timeoutMs?: number;
}

/**
 * Unreachable, timed out or failing (5xx): SUBGRAPH_UNAVAILABLE naming the subgraph, never its
 * host or port; the details go to the log under the request id.
 */
export function createPeerSubgraph(options: PeerSubgraphOptions): PeerSubgraph {
  const { name, url, secret } = options;
  const timeoutMs = options.timeoutMs ?? 5000;
  const unavailable = () =>
    ERRORS.SUBGRAPH_UNAVAILABLE.err(`The ${name} subgraph is unavailable, so the records it owns could not be checked; nothing was written. Try again shortly`, {
      serviceName: name,
    });

  return {
    name,
    async entities<T>(representations: readonly Representation[], selection: string, request: PeerRequest): Promise<(T | null)[]> {
      if (representations.length === 0) return [];
      const { requestId, log } = request;
      if (!url) {
        log.error({ peer: name }, `no URL for the ${name} subgraph: set ${envNameOf(name)}_URL`);
        throw unavailable();
      }
      let status: number;
      let body: { data?: { _entities?: (T | null)[] } | null; errors?: unknown[] };
      try {
        // undici's request, not fetch: fetch refuses some ports ("bad ports") a peer may listen on.
        const res = await httpRequest(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [SUBGRAPH_SECRET_HEADER]: secret, [REQUEST_ID_HEADER]: requestId },
          body: JSON.stringify({
            query: `query ($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`,
            variables: { representations },
          }),
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = res.statusCode;
        body = (await res.body.json()) as typeof body;
      } catch (error) {
        log.warn({ err: error, peer: name }, 'peer subgraph unreachable');
        throw unavailable();
      }
      if (status >= 500) {
        log.warn({ peer: name, status, errors: body.errors }, 'peer subgraph failed');
        throw unavailable();
      }
      const found = body.data?._entities;
      if (status !== 200 || body.errors?.length || !Array.isArray(found) || found.length !== representations.length) {
        // A wrong secret or a query the peer rejects is a configuration or programming error, not the caller's.
        throw new Error(`The ${name} subgraph refused an _entities lookup (HTTP ${status}): ${JSON.stringify(body.errors ?? body)}`);
      }
      return found;
    },
  };
}
