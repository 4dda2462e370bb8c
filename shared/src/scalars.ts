import { GraphQLScalarType } from 'graphql';
import { LocalDateResolver } from 'graphql-scalars';

/**
 * `Date`: a calendar date as `YYYY-MM-DD` (no time, no zone), kept as that string end to end so
 * no time zone can move it by a day. Impossible dates such as 2021-02-30 are rejected.
 */
export const DateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: 'Date',
  description: 'A calendar date, `YYYY-MM-DD`.',
});
