import { countryRef } from '@nsc-hub/shared';
import type { ResourceGroupKeyResolvers } from '../__generated__/resolvers-types';
import type { AudienceValue, PublisherTypeValue, ResourceKindValue } from '../entities/ResourceEntity';

const none = async () => null;

// A group's topic is this subgraph's (loaded by id, batched across groups); its country is
// membership's, returned as a reference for the gateway to complete.
export const ResourceGroupKey: ResourceGroupKeyResolvers = {
  kind: (key) => (key.kind ?? null) as ResourceKindValue | null,
  topic: (key, _args, { loaders }) => (key.topicId ? loaders.topicById.load(key.topicId) : none()),
  language: (key) => key.language ?? null,
  year: (key) => key.year ?? null,
  country: (key) => (key.countryCode ? countryRef(key.countryCode) : null),
  audience: (key) => (key.audience ?? null) as AudienceValue | null,
  publisherType: (key) => (key.publisherType ?? null) as PublisherTypeValue | null,
};
