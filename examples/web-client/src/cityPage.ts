import type { ApolloClient } from '@apollo/client';
import { CityPageDocument, type CityPageQuery } from './__generated__/graphql';

/** A city's page: the city, its networks, resources concerning it and its events; null for no such city. */
export async function cityPage(client: ApolloClient, id: string): Promise<CityPageQuery['city']> {
  const { data } = await client.query({ query: CityPageDocument, variables: { id } });
  return data?.city ?? null;
}
