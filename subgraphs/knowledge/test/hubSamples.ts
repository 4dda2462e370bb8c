import type { HubSamples } from '@nsc-hub/shared/src/testing';

/** What the whole-hub tests send the knowledge subgraph (see HubSamples). */
export const hubSamples: HubSamples = {
  reference: { __typename: 'Resource', id: 'dk-action-plan-2016' },
  query: '{ resources(first: 1) { totalCount } }',
  write: { field: 'createResource', mutation: 'mutation { createResource(input: { title: "Written by a sample", kind: REPORT, languages: ["en"] }) { id } }' },
};
