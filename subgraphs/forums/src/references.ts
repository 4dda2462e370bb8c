/**
 * Entities other subgraphs own. Forums holds only their keys and hands the gateway a reference;
 * the owner resolves every other field.
 */
export type { CityReference, CountryReference, NetworkReference } from '@nsc-hub/shared';

export interface ResourceReference {
  __typename: 'Resource';
  id: string;
}

export const resourceRef = (id: string): ResourceReference => ({ __typename: 'Resource', id });
