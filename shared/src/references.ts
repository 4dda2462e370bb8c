/**
 * References to the membership subgraph's entities, as other subgraphs hand them to the gateway:
 * only the key; the owner resolves every other field. (Types, not imports of the membership
 * package: a subgraph never imports another.)
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

export const cityRef = (id: string): CityReference => ({ __typename: 'City', id });
export const countryRef = (code: string): CountryReference => ({ __typename: 'Country', code });
export const networkRef = (id: string): NetworkReference => ({ __typename: 'Network', id });

/** A reference for an optional key: null stays null. */
export const optionalRef = <R>(ref: (key: string) => R, key: string | null): R | null => (key ? ref(key) : null);
