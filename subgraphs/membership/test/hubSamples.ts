import type { HubSamples } from '@nsc-hub/shared/src/testing';

/** What the whole-hub tests send the membership subgraph (see HubSamples). */
export const hubSamples: HubSamples = {
  reference: { __typename: 'City', id: 'dk-copenhagen' },
  query: '{ countries { code } }',
  write: { field: 'createCity', mutation: 'mutation { createCity(input: { name: "Odense", country: "DK" }) { id version } }' },
};
