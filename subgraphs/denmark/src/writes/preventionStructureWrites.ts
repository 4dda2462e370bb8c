import { ERRORS, appendAudit, assertCanWrite, invalid, optionalInt, requiredText, slugify, writeTransaction } from '@nsc-hub/shared';
import { MunicipalityEntity, PreventionStructureEntity } from '../entities';
import type { PublicFactsInput, RecordLocalStructureInput } from '../__generated__/resolvers-types';
import type { DenmarkContext } from '../context';
import { DB_SCHEMA, OWNER_COUNTRY } from '../dbSchema';
import { publicFacts, storeSource } from './publicFacts';
import { updatePublicFacts } from './updatePublicFacts';

/**
 * The structure types a municipality runs locally: its SSP cooperation, its lokalråd, its infohus
 * (the municipal part of the district's infohus). A kredsråd is the district's, one per district.
 */
const MUNICIPAL_TYPES = ['ssp', 'lokalraad', 'infohus'];

/** Danish editors and admins: a local structure's public description, web address and contact mailbox. */
export function updatePreventionStructure(ctx: DenmarkContext, id: string, input: PublicFactsInput, expectedVersion: number): Promise<PreventionStructureEntity> {
  return updatePublicFacts(
    ctx,
    {
      entity: PreventionStructureEntity,
      entityType: 'PreventionStructure',
      label: 'Prevention structure',
      check: (structure) => {
        if (structure.kind !== 'LOCAL_INSTANCE') throw invalid('id', `"${id}" is a structure type, described by the sources; only local structures are kept by editors`);
      },
    },
    id,
    input,
    expectedVersion,
  );
}

/** Danish editors and admins: a municipality's local structure (e.g. its SSP cooperation), with the source that records it. */
export async function recordLocalStructure(ctx: DenmarkContext, input: RecordLocalStructureInput): Promise<PreventionStructureEntity> {
  assertCanWrite(ctx.caller, OWNER_COUNTRY, 'A Danish prevention structure');
  const code = input.municipality.trim();
  if (!/^\d{4}$/.test(code)) throw invalid('input.municipality', `"${input.municipality}" is not a 4-digit municipality code such as 0751`);
  if (!MUNICIPAL_TYPES.includes(input.type)) throw invalid('input.type', `must be one of ${MUNICIPAL_TYPES.join(', ')}`);
  const name = requiredText(input.name, 'input.name', 200);
  const year = optionalInt(input.establishedYear, 'input.establishedYear', 1900, new Date().getUTCFullYear());
  const facts = publicFacts({ description: input.description, url: input.url, contactEmail: input.contactEmail });
  const source = input.source;
  if (!source) throw invalid('input.source', 'is required: every fact recorded names its source');

  return writeTransaction(ctx.db, async (m) => {
    const municipality = await m.getRepository(MunicipalityEntity).findOneBy({ code });
    if (!municipality) throw invalid('input.municipality', `no Danish municipality has the code ${code}`);
    const type = await m.getRepository(PreventionStructureEntity).findOneByOrFail({ id: input.type });
    const sourceId = await storeSource(m, source);
    const id = slugify(`${type.id}-${municipality.slug}`);
    const inserted = await m
      .createQueryBuilder()
      .insert()
      .into(PreventionStructureEntity)
      .values({
        id,
        name,
        kind: 'LOCAL_INSTANCE',
        level: 'MUNICIPALITY',
        typeId: type.id,
        established: year === null || year === undefined ? null : String(year),
        municipalityCode: code,
        policeDistrictId: municipality.policeDistrictId,
        sourceIds: [sourceId],
        owner: OWNER_COUNTRY,
        version: 1,
        ...facts,
      })
      .orIgnore()
      .returning('id')
      .execute();
    if (inserted.raw.length === 0) throw ERRORS.CONFLICT.err(`${municipality.name} has a ${type.name} recorded already ("${id}"): update it instead`, { id });
    const after = await m.getRepository(PreventionStructureEntity).findOneByOrFail({ id });
    await appendAudit(m, DB_SCHEMA, ctx, { entityType: 'PreventionStructure', entityId: id, operation: 'CREATE', before: null, after });
    return after;
  });
}
