import type { HubSamples } from '@nsc-hub/shared/src/testing';

/** What the whole-hub tests send the forums subgraph (see HubSamples). */
export const hubSamples: HubSamples = {
  reference: { __typename: 'Forum', id: 'ran' },
  query: '{ forums { id } }',
  write: { field: 'createEvent', mutation: 'mutation { createEvent(input: { title: "Written by a sample", kind: CONFERENCE, startsOn: "2026-03-10" }) { id } }' },
};
