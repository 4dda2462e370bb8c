import type { SubgraphCodegen } from '@nsc-hub/shared';

const entity = (name: string) => `../entities/${name}Entity#${name}Entity`;

/** How GraphQL Code Generator types this subgraph's resolvers (`npm run codegen`): what each GraphQL type is in code. */
export const codegen: SubgraphCodegen = {
  contextType: '../context#MembershipContext',
  mappers: {
    Country: entity('Country'),
    City: entity('City'),
    Network: entity('Network'),
    Membership: entity('Membership'),
    CooperationModel: entity('CooperationModel'),
    ContactPerson: entity('ContactPerson'),
    Source: entity('Source'),
    CityConnection: '@nsc-hub/shared#Connection<CityEntity>',
    CityEdge: '@nsc-hub/shared#Edge<CityEntity>',
    MembershipConnection: '@nsc-hub/shared#Connection<MembershipEntity>',
    MembershipEdge: '@nsc-hub/shared#Edge<MembershipEntity>',
    MembershipStats: '../data/countMemberships#MembershipCounts',
    MembershipGroupKey: '../data/countMemberships#MembershipGroupValues',
  },
};
