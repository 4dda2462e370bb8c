import type { ApolloClient } from '@apollo/client';
import { CityListDocument, type CityListQuery } from './__generated__/graphql';

export type CityListPage = NonNullable<CityListQuery['cities']>;

/**
 * The list of cities, `pageSize` at a time: `shown()` is the list so far (the first page at
 * first), `more()` fetches the page after it and gives the whole list, merged in the cache by
 * `relayStylePagination`.
 */
export function cityList(client: ApolloClient, pageSize: number) {
  const read = async (after?: string | null): Promise<CityListPage> => {
    const { data } = await client.query({
      query: CityListDocument,
      variables: after ? { first: pageSize, after } : { first: pageSize },
      // A page after the last one shown is new by definition: the cache's list (every page so
      // far, whatever `after`) must not answer for it.
      fetchPolicy: after ? 'network-only' : 'cache-first',
    });
    if (!data?.cities) throw new Error('The city list is unavailable');
    return data.cities;
  };
  return {
    shown: () => read(),
    async more(): Promise<CityListPage> {
      const shown = await read();
      if (!shown.pageInfo.hasNextPage) return shown;
      await read(shown.pageInfo.endCursor);
      return read();
    },
  };
}
