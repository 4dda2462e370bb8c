import { parseFirst } from '@nsc-hub/shared';
import type { CityResolvers, CountryResolvers } from '../__generated__/resolvers-types';
import { decodeEventCursor } from '../data/listEvents';

// Entities the membership subgraph owns: forums resolves them from their key alone and adds its lists.
export const City: CityResolvers = {
  __resolveReference: ({ id }) => ({ __typename: 'City', id }),
  participations: ({ id }, _args, { loaders }) => loaders.participationsByCity.load(id),
  events: ({ id }, { first, after }, { loaders }) =>
    loaders.eventsByCity.load({ owner: id, filter: null, first: parseFirst(first), after: decodeEventCursor(after) }),
};

export const Country: CountryResolvers = {
  __resolveReference: ({ code }) => ({ __typename: 'Country', code }),
  id: ({ code }) => code,
  participations: ({ code }, _args, { loaders }) => loaders.participationsByCountry.load(code.toUpperCase()),
};
