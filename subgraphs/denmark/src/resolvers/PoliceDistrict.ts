import { countryRef, loadAll } from '@nsc-hub/shared';
import type { PoliceDistrictResolvers } from '../__generated__/resolvers-types';

/** The district's structure of one type (kredsraad, lokalraad, infohus), if it has it. */
const structure = (typeId: string): NonNullable<PoliceDistrictResolvers['kredsraad']> =>
  async (district, _args, { loaders }) => (await loaders.districtStructuresByDistrict.load(district.id)).find((s) => s.structureId === typeId) ?? null;

export const PoliceDistrict: PoliceDistrictResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.districtById.load(id),
  country: (district) => countryRef(district.countryCode),
  municipalities: (district, _args, { loaders }) => loaders.municipalitiesByDistrict.load(district.id),
  kredsraad: structure('kredsraad'),
  lokalraad: structure('lokalraad'),
  infohus: structure('infohus'),
  localStructures: (district, _args, { loaders }) => loaders.structuresByDistrict.load(district.id),
  sources: (district, _args, { loaders }) => loadAll(loaders.sourceById, district.sourceIds),
};
