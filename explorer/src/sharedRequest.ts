/**
 * A shareable link: the page's address carries the query, its variables and operation name
 * (`?query=…&variables=…`), kept up to date as they are edited. Headers never go into it: they
 * may hold a token.
 */
export interface SharedRequest {
  readonly query?: string;
  readonly variables?: string;
  readonly operationName?: string;
}

export function readSharedRequest(search: string = location.search): SharedRequest {
  const params = new URLSearchParams(search);
  return {
    query: params.get('query') ?? undefined,
    variables: params.get('variables') ?? undefined,
    operationName: params.get('operationName') ?? undefined,
  };
}

/** Puts one part of the request into the address without a new history entry. */
export function shareInAddress(part: keyof SharedRequest, value: string | undefined): void {
  const url = new URL(location.href);
  if (value?.trim()) url.searchParams.set(part, value);
  else url.searchParams.delete(part);
  history.replaceState(history.state, '', url);
}
