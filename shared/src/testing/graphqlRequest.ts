import { SUBGRAPH_SECRET_HEADER } from '../config';

export interface GraphQLResponse<TData = Record<string, any>> {
  status: number;
  data?: TData | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface RequestOptions {
  variables?: Record<string, unknown>;
  token?: string;
  /** Sent as the gateway would; leave out to call as an outsider. */
  subgraphSecret?: string;
  headers?: Record<string, string>;
}

/** POSTs one operation over real HTTP and returns status, data and errors. */
export async function graphqlRequest<TData = Record<string, any>>(url: string, query: string, options: RequestOptions = {}): Promise<GraphQLResponse<TData>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.subgraphSecret) headers[SUBGRAPH_SECRET_HEADER] = options.subgraphSecret;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables: options.variables }) });
  const text = await res.text();
  let body: Omit<GraphQLResponse<TData>, 'status'>;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${url} answered ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  return { status: res.status, ...body };
}

/** The `extensions.code` of each error, in order. */
export const errorCodes = (response: GraphQLResponse): string[] => (response.errors ?? []).map((e) => String(e.extensions?.code));
