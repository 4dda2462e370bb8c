import type { SubgraphCodegen } from '@nsc-hub/shared';

const entity = (name: string) => `../entities/${name}Entity#${name}Entity`;

/** How GraphQL Code Generator types this subgraph's resolvers (`npm run codegen`): what each GraphQL type is in code. */
export const codegen: SubgraphCodegen = {
  contextType: '../context#ForumsContext',
  mappers: {
    Forum: entity('Forum'),
    WorkingGroup: entity('WorkingGroup'),
    Event: entity('Event'),
    Participation: entity('Participation'),
    Source: entity('Source'),
    EventConnection: '@nsc-hub/shared#Connection<EventEntity>',
    EventEdge: '@nsc-hub/shared#Edge<EventEntity>',
    EventStats: '../data/countEvents#EventCounts',
    EventGroupKey: '../data/countEvents#EventGroupValues',
    ParticipationStats: '../data/countParticipations#ParticipationCounts',
    ParticipationGroupKey: '../data/countParticipations#ParticipationGroupValues',
    City: '../references#CityReference',
    Country: '../references#CountryReference',
    Network: '../references#NetworkReference',
    Resource: '../references#ResourceReference',
  },
};
