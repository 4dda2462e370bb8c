import { tokenFor } from '@nsc-hub/shared/src/testing';
import type { ContractCase } from './contractCases';

/**
 * What the contract compares of an answer: the HTTP status, `data` as it is (absent when the
 * request was refused before execution), and each error's code and path. Not messages (engines word
 * them differently), nor `extensions.requestId` and the like, which differ per request or engine.
 */
export interface ContractAnswer {
  readonly status: number;
  readonly data?: unknown;
  readonly errors?: readonly ContractError[];
}

export interface ContractError {
  readonly code: string | null;
  readonly path: readonly (string | number)[] | null;
}

/** POSTs the case to a gateway, as the asker, the way a client following GraphQL over HTTP does. */
export async function askContractCase(url: string, contractCase: ContractCase): Promise<ContractAnswer> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  const { asker } = contractCase;
  if (asker.role !== 'anonymous') {
    // An expired token: its expiry (an absolute time) a minute ago.
    const expiresAt = asker.expired ? Math.floor(Date.now() / 1000) - 60 : undefined;
    headers.authorization = `Bearer ${await tokenFor(asker.role, asker.country, expiresAt)}`;
  }
  if (contractCase.acceptLanguage) headers['accept-language'] = contractCase.acceptLanguage;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: contractCase.document, variables: contractCase.variables }) });
  const text = await res.text();
  let body: { data?: unknown; errors?: { path?: (string | number)[]; extensions?: { code?: unknown } }[] };
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${url} answered ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  const errors = (body.errors ?? []).map((e) => ({ code: typeof e.extensions?.code === 'string' ? e.extensions.code : null, path: e.path ?? null }));
  return {
    status: res.status,
    ...('data' in body ? { data: body.data } : {}),
    // Sorted: the order of errors from subgraphs asked in parallel is not the answer's meaning.
    ...(errors.length ? { errors: errors.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) } : {}),
  };
}
