import type { SubgraphCodegen } from '@nsc-hub/shared';

const entity = (name: string) => `../entities/${name}Entity#${name}Entity`;

/** How GraphQL Code Generator types this subgraph's resolvers (`npm run codegen`): what each GraphQL type is in code. */
export const codegen: SubgraphCodegen = {
  contextType: '../context#DenmarkContext',
  mappers: {
    Source: entity('Source'),
    PoliceDistrict: entity('PoliceDistrict'),
    DistrictStructure: entity('DistrictStructure'),
    Municipality: entity('Municipality'),
    MunicipalityConnection: '@nsc-hub/shared#Connection<MunicipalityEntity>',
    MunicipalityEdge: '@nsc-hub/shared#Edge<MunicipalityEntity>',
    PreventionStructure: entity('PreventionStructure'),
    NationalBody: entity('NationalBody'),
    City: '@nsc-hub/shared#CityReference',
    Country: '@nsc-hub/shared#CountryReference',
    CooperationModel: '../references#CooperationModelReference',
  },
};
