import type { CityReference, NetworkReference } from '@nsc-hub/shared';

/**
 * Entities other subgraphs own. Knowledge holds only their keys and hands the gateway a
 * reference; the owner resolves every other field.
 */
export type { CityReference, CountryReference, NetworkReference } from '@nsc-hub/shared';
export { cityRef, countryRef } from '@nsc-hub/shared';

export interface ForumReference {
  __typename: 'Forum';
  id: string;
}
export type PublisherReference = CityReference | NetworkReference | ForumReference;

const TYPENAMES = { CITY: 'City', NETWORK: 'Network', FORUM: 'Forum' } as const;

export function publisherRef(type: keyof typeof TYPENAMES | null, id: string | null): PublisherReference | null {
  return type && id ? ({ __typename: TYPENAMES[type], id } as PublisherReference) : null;
}
