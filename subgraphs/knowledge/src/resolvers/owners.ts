import { parseFirst } from '@nsc-hub/shared';
import type { CityResolvers, CountryResolvers, ForumResolvers, NetworkResolvers, PublisherResolvers, TopicResolvers } from '../__generated__/resolvers-types';
import { decodeResourceCursor } from '../data/listResources';

/** Page arguments, checked per field: a bad cursor fails its own list, not the whole batch. */
const page = (owner: string, args: { first?: number | null; after?: string | null }) => ({
  owner,
  first: parseFirst(args.first),
  after: decodeResourceCursor(args.after),
});

// Entities other subgraphs own: knowledge resolves them from their key alone and adds its lists.
export const City: CityResolvers = {
  __resolveReference: ({ id }) => ({ __typename: 'City', id }),
  resources: ({ id }, args, { loaders }) => loaders.resourcesByCity.load(page(id, args)),
};

export const Country: CountryResolvers = {
  __resolveReference: ({ code }) => ({ __typename: 'Country', code }),
  id: ({ code }) => code,
  resources: ({ code }, args, { loaders }) => loaders.resourcesByCountry.load(page(code.toUpperCase(), args)),
};

export const Network: NetworkResolvers = {
  __resolveReference: ({ id }) => ({ __typename: 'Network', id }),
  resources: ({ id }, args, { loaders }) => loaders.resourcesByNetwork.load(page(id, args)),
};

export const Forum: ForumResolvers = {
  __resolveReference: ({ id }) => ({ __typename: 'Forum', id }),
  publications: ({ id }, args, { loaders }) => loaders.publicationsByForum.load(page(id, args)),
};

export const Topic: TopicResolvers = {
  resources: ({ id }, args, { loaders }) => loaders.resourcesByTopic.load(page(id, args)),
};

export const Publisher: PublisherResolvers = {
  __resolveType: (publisher) => publisher.__typename,
};
