import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';

/**
 * GraphiQL's fetcher with the signed-in caller's token added, unless the headers editor already
 * sends an Authorization header (what is typed there wins).
 */
export function createHubFetcher(endpoint: string, token: () => string | null): Fetcher {
  const url = new URL(endpoint, location.href).toString();
  const fetcher = createGraphiQLFetcher({ url });
  return (params, opts) => {
    const headers: Record<string, unknown> = { ...opts?.headers };
    const current = token();
    if (current && !Object.keys(headers).some((name) => name.toLowerCase() === 'authorization')) {
      headers.Authorization = `Bearer ${current}`;
    }
    return fetcher(params, { ...opts, headers });
  };
}
