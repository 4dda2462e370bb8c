import type { ApolloClient } from '@apollo/client';
import { ResourceSearchDocument, type ResourceSearchQuery } from './__generated__/graphql';

/** Resources matching `query`, best first; with `language` (`da`, `sv` …) read as that language. */
export async function searchResources(client: ApolloClient, query: string, options: { language?: string; first?: number } = {}): Promise<NonNullable<ResourceSearchQuery['searchResources']>> {
  const { data } = await client.query({ query: ResourceSearchDocument, variables: { query, language: options.language, first: options.first ?? 10 } });
  if (!data?.searchResources) throw new Error('Search is unavailable');
  return data.searchResources;
}
