import type { EntityManager } from 'typeorm';
import {
  CITY_ID,
  ERRORS,
  appendAudit,
  assertCanWrite,
  assertWriter,
  countryCode,
  invalid,
  optionalInt,
  optionalText,
  requiredText,
  slugify,
  writeTransaction,
} from '@nsc-hub/shared';
import { CityEntity } from '../entities/CityEntity';
import { CountryEntity } from '../entities/CountryEntity';
import type { CreateCityInput, UpdateCityInput } from '../__generated__/resolvers-types';
import type { MembershipContext } from '../context';
import { DB_SCHEMA } from '../dbSchema';

const MAX_POPULATION = 50_000_000;

export async function lockCity(m: EntityManager, id: string): Promise<CityEntity> {
  const city = await m.getRepository(CityEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!city) throw ERRORS.NOT_FOUND.err(`No city with id "${id}"`, { id });
  return city;
}

export async function createCity(ctx: MembershipContext, input: CreateCityInput): Promise<CityEntity> {
  assertWriter(ctx.caller, 'cities');
  const country = countryCode(input.country, 'input.country');
  const name = requiredText(input.name, 'input.name');
  const values = {
    name,
    nativeName: optionalText(input.nativeName, 'input.nativeName') ?? null,
    region: optionalText(input.region, 'input.region') ?? null,
    population: optionalInt(input.population, 'input.population', 0, MAX_POPULATION) ?? null,
  };
  const id = input.id?.trim() || `${country.toLowerCase()}-${slugify(name)}`;
  if (!CITY_ID.test(id) || id.length > 100) {
    throw invalid('input.id', 'must be a slug such as dk-aarhus: country code, dash, lower-case letters, digits and dashes');
  }
  if (!id.startsWith(`${country.toLowerCase()}-`)) throw invalid('input.id', `must start with "${country.toLowerCase()}-", the city's country`);
  assertCanWrite(ctx.caller, country, `A city in ${country}`);

  return writeTransaction(ctx.db, async (m) => {
    if (!(await m.getRepository(CountryEntity).existsBy({ code: country }))) throw invalid('input.country', `no country with code "${country}"`);
    // ON CONFLICT DO NOTHING: of two requests creating the same id at once, one inserts, the other is told.
    const inserted = await m
      .createQueryBuilder()
      .insert()
      .into(CityEntity)
      .values({ id, countryCode: country, owner: country, sourceIds: [], version: 1, ...values })
      .orIgnore()
      .returning('id')
      .execute();
    if (inserted.raw.length === 0) throw ERRORS.CONFLICT.err(`A city with id "${id}" exists already`, { id });
    const city = await m.getRepository(CityEntity).findOneByOrFail({ id });
    await appendAudit(m, DB_SCHEMA, ctx, { entityType: 'City', entityId: id, operation: 'CREATE', before: null, after: city });
    return city;
  });
}

export async function updateCity(ctx: MembershipContext, id: string, input: UpdateCityInput, expectedVersion: number): Promise<CityEntity> {
  assertWriter(ctx.caller, 'cities');
  const changes: Partial<Pick<CityEntity, 'name' | 'nativeName' | 'region' | 'population'>> = {};
  if (input.name !== undefined) changes.name = requiredText(input.name, 'input.name');
  if (input.nativeName !== undefined) changes.nativeName = optionalText(input.nativeName, 'input.nativeName');
  if (input.region !== undefined) changes.region = optionalText(input.region, 'input.region');
  if (input.population !== undefined) changes.population = optionalInt(input.population, 'input.population', 0, MAX_POPULATION);
  if (Object.keys(changes).length === 0) throw invalid('input', 'name at least one field to change');

  return writeTransaction(ctx.db, async (m) => {
    const before = await lockCity(m, id);
    assertCanWrite(ctx.caller, before.owner, `City "${id}"`);
    if (before.version !== expectedVersion) {
      throw ERRORS.CONFLICT.err(`City "${id}" is at version ${before.version}, not ${expectedVersion}: reload it and try again`, {
        currentVersion: before.version,
      });
    }
    // The version check is part of the UPDATE itself, so a concurrent writer can never be overwritten.
    const result = await m
      .createQueryBuilder()
      .update(CityEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .execute();
    if (result.affected !== 1) throw ERRORS.CONFLICT.err(`City "${id}" changed while it was being updated: reload it and try again`);
    const after = await m.getRepository(CityEntity).findOneByOrFail({ id });
    await appendAudit(m, DB_SCHEMA, ctx, { entityType: 'City', entityId: id, operation: 'UPDATE', before, after });
    return after;
  });
}
