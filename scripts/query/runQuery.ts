import { request } from 'undici';
import type { GraphQLResult } from './followPages';

/** POSTs one GraphQL request with undici (which, unlike fetch, reaches any port) and returns its answer. */
export async function runQuery(url: string, query: string, variables: Record<string, unknown> | undefined, token?: string): Promise<GraphQLResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  let response;
  try {
    response = await request(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch (error) {
    throw new Error(`cannot reach ${url}: ${(error as Error).message} (is the hub running? \`npm start\`)`);
  }
  const text = await response.body.text();
  try {
    return JSON.parse(text) as GraphQLResult;
  } catch {
    throw new Error(`${url} answered HTTP ${response.statusCode} with a body that is not GraphQL JSON: ${text.slice(0, 200)}`);
  }
}
