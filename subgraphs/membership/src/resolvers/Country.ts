import { loadOptional } from '@nsc-hub/shared';
import type { CountryResolvers } from '../__generated__/resolvers-types';
import { sourcesOf } from './shared';

export const Country: CountryResolvers = {
  __resolveReference: ({ code }, { loaders }) => loaders.countryByCode.load(code),
  id: (country) => country.code,
  nativeName: (country) => country.nativeNames[0]?.name ?? null,
  sovereign: (country, _args, { loaders }) => loadOptional(loaders.countryByCode, country.sovereignCode),
  cities: (country, _args, { loaders }) => loaders.citiesByCountry.load(country.code),
  cooperationModels: (country, _args, { loaders }) => loaders.cooperationModelsByCountry.load(country.code),
  sources: sourcesOf,
};

