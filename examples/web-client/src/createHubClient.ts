import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { relayStylePagination } from '@apollo/client/utilities';
import type { DocumentNode } from 'graphql';

export interface HubClientOptions {
  /** The gateway's `/graphql`, e.g. `http://localhost:4000/graphql`. */
  readonly uri: string;
  /** A bearer token (`npm run token`); none for the public pages. */
  readonly token?: string;
  /** The fetch to send requests with (the platform's by default). */
  readonly fetch?: typeof fetch;
}

/** The id GraphQL Code Generator put in the document: the one the gateway's trusted documents list. */
function persistedId(document: DocumentNode): string {
  const hash = (document as DocumentNode & { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!hash) throw new Error('This document has no persisted id: generate it with `npm run codegen -w @nsc-hub/web-client`');
  return hash.replace(/^sha256:/, '');
}

/**
 * Apollo Client for the hub's public pages:
 * - every query goes by its persisted id alone, as a GET (cacheable by the browser and any CDN in
 *   between, and accepted where the gateway runs only its trusted documents);
 * - the cache normalises by `id`, which every type the pages show has, so no type needs keyFields;
 * - `cities` and `searchResources` are Relay connections: pages asked with `after` are appended
 *   to the list already shown, one list per set of other arguments.
 */
export function createHubClient(options: HubClientOptions): ApolloClient {
  const http = new HttpLink({
    uri: options.uri,
    fetch: options.fetch,
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
  });
  const persisted = new PersistedQueryLink({ generateHash: persistedId, useGETForHashedQueries: true });
  return new ApolloClient({
    link: persisted.concat(http),
    cache: new InMemoryCache({
      typePolicies: {
        Query: {
          fields: {
            cities: relayStylePagination(['filter', 'orderLocale']),
            searchResources: relayStylePagination(['query', 'language', 'filter']),
          },
        },
      },
    }),
  });
}
