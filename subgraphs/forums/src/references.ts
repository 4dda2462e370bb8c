/**
 * Entities other subgraphs own. Forums holds only their keys and hands the gateway a reference;
 * the owner resolves every other field.
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
export interface ResourceReference {
  __typename: 'Resource';
  id: string;
}

export const cityRef = (id: string | null): CityReference | null => (id ? { __typename: 'City', id } : null);
export const countryRef = (code: string | null): CountryReference | null => (code ? { __typename: 'Country', code } : null);
export const networkRef = (id: string | null): NetworkReference | null => (id ? { __typename: 'Network', id } : null);
export const resourceRef = (id: string): ResourceReference => ({ __typename: 'Resource', id });
