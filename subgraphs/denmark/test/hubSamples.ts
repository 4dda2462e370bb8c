import type { HubSamples } from '@nsc-hub/shared/src/testing';

/** What the whole-hub tests send the denmark subgraph (see HubSamples). */
export const hubSamples: HubSamples = {
  reference: { __typename: 'PoliceDistrict', id: 'oestjyllands-politi' },
  query: '{ policeDistricts { id name } }',
  write: {
    field: 'updatePoliceDistrict',
    mutation: 'mutation { updatePoliceDistrict(id: "bornholms-politi", input: { description: "Written by a sample" }, expectedVersion: 1) { id } }',
  },
};
