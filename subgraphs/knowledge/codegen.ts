import type { SubgraphCodegen } from '@nsc-hub/shared';

const entity = (name: string) => `../entities/${name}Entity#${name}Entity`;

/** How GraphQL Code Generator types this subgraph's resolvers (`npm run codegen`): what each GraphQL type is in code. */
export const codegen: SubgraphCodegen = {
  contextType: '../context#KnowledgeContext',
  mappers: {
    Resource: entity('Resource'),
    Topic: entity('Topic'),
    Source: entity('Source'),
    ResourceConnection: '@nsc-hub/shared#Connection<ResourceEntity>',
    ResourceEdge: '@nsc-hub/shared#Edge<ResourceEntity>',
    ResourceSearchConnection: '../data/searchResources#SearchConnection',
    ResourceSearchEdge: '../data/searchResources#SearchEdge',
    ResourceStats: '../data/countResources#ResourceCounts',
    ResourceGroupKey: '../data/countResources#ResourceGroupValues',
    City: '../references#CityReference',
    Country: '../references#CountryReference',
    Network: '../references#NetworkReference',
    Forum: '../references#ForumReference',
    Publisher: '../references#PublisherReference',
  },
};
