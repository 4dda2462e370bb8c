/**
 * Entities other subgraphs own. Knowledge holds only their keys and hands the gateway a
 * reference; the owner resolves every other field.
 */
export interface CityReference {
  __typename: 'City';
  id: string;
}
export interface CountryReference {
  __typename: 'Country';
  code: string;
}
export interface NetworkReference {
  __typename: 'Network';
  id: string;
}
export interface ForumReference {
  __typename: 'Forum';
  id: string;
}
export type PublisherReference = CityReference | NetworkReference | ForumReference;

export const cityRef = (id: string): CityReference => ({ __typename: 'City', id });
export const countryRef = (code: string): CountryReference => ({ __typename: 'Country', code });

const TYPENAMES = { CITY: 'City', NETWORK: 'Network', FORUM: 'Forum' } as const;

export function publisherRef(type: keyof typeof TYPENAMES | null, id: string | null): PublisherReference | null {
  return type && id ? ({ __typename: TYPENAMES[type], id } as PublisherReference) : null;
}
