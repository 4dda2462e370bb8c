import { IsNull, type EntityManager } from 'typeorm';
import {
  CITY_ID,
  ERRORS,
  MAX_YEAR,
  MIN_YEAR,
  SECRETARIAT,
  SLUG,
  appendAudit,
  assertCanWrite,
  assertWriter,
  countryCode,
  invalid,
  optionalId,
  optionalText,
  requiredText,
  slugify,
  writeTransaction,
} from '@nsc-hub/shared';
import { EventEntity, ForumEntity, ParticipationEntity, WorkingGroupEntity } from '../entities';
import type { CreateEventInput, UpdateEventInput } from '../__generated__/resolvers-types';
import type { ForumsContext } from '../context';
import { DB_SCHEMA } from '../dbSchema';

const MAX_TITLE = 300;
const MAX_DESCRIPTION = 5000;
const MAX_OUTCOMES = 50;

type EventFields = Partial<
  Pick<
    EventEntity,
    'title' | 'kind' | 'format' | 'startsOn' | 'endsOn' | 'endsBy' | 'datePrecision' | 'dateNote' | 'venue' | 'cityId' | 'countryCode' | 'forumId' | 'workingGroupId' | 'description' | 'outcomeIds'
  >
>;

function date(value: string | null | undefined, field: string): string | null | undefined {
  if (value && (Number(value.slice(0, 4)) < MIN_YEAR || Number(value.slice(0, 4)) > MAX_YEAR)) {
    throw invalid(field, `must be a date from ${MIN_YEAR} to ${MAX_YEAR}`);
  }
  return value;
}

/** Checks and normalises the fields of create and update on their own; undefined means "leave as is". */
function eventFields(input: CreateEventInput | UpdateEventInput): EventFields {
  const fields: EventFields = {};
  if (input.title !== undefined) fields.title = requiredText(input.title, 'input.title', MAX_TITLE);
  if (input.kind === null) throw invalid('input.kind', 'is required');
  if (input.kind !== undefined) fields.kind = input.kind;
  if (input.format !== undefined) fields.format = optionalText(input.format, 'input.format', 100);
  if (input.startsOn === null) throw invalid('input.startsOn', 'is required');
  if (input.startsOn !== undefined) fields.startsOn = date(input.startsOn, 'input.startsOn') as string;
  if (input.endsOn !== undefined) fields.endsOn = date(input.endsOn, 'input.endsOn');
  if (input.endsBy !== undefined) fields.endsBy = date(input.endsBy, 'input.endsBy');
  if (input.datePrecision !== undefined && input.datePrecision !== null) fields.datePrecision = input.datePrecision;
  if (input.dateNote !== undefined) fields.dateNote = optionalText(input.dateNote, 'input.dateNote');
  if (input.venue !== undefined) fields.venue = optionalText(input.venue, 'input.venue');
  if (input.city !== undefined) fields.cityId = optionalId(input.city, 'input.city', CITY_ID, 'a city id such as dk-aarhus');
  if (input.country !== undefined) fields.countryCode = input.country === null ? null : countryCode(input.country, 'input.country');
  if (input.forum !== undefined) fields.forumId = optionalId(input.forum, 'input.forum', SLUG, 'a forum id such as ran');
  if (input.workingGroup !== undefined) fields.workingGroupId = optionalId(input.workingGroup, 'input.workingGroup', SLUG, 'a working group id such as ran-pol');
  if (input.description !== undefined) fields.description = optionalText(input.description, 'input.description', MAX_DESCRIPTION);
  if (input.outcomes !== undefined) {
    const ids = input.outcomes ?? [];
    if (ids.length > MAX_OUTCOMES) throw invalid('input.outcomes', `name at most ${MAX_OUTCOMES} resources`);
    fields.outcomeIds = [...new Set(ids.map((id) => optionalId(id, 'input.outcomes', SLUG, 'a resource id') as string))];
  }
  return fields;
}

const dayOfWeek = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
const isMonthEnd = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).getUTCDate() === 1;

/** The first day of the period a date of each precision stands for. */
const PERIOD_START = {
  DAY: { test: () => true, says: 'any day' },
  WEEK: { test: (day: string) => dayOfWeek(day) === 1, says: 'the Monday the week starts on' },
  MONTH: { test: (day: string) => day.endsWith('-01'), says: 'the first day of the month' },
  YEAR: { test: (day: string) => day.endsWith('-01-01'), says: '1 January of the year' },
} as const;

/**
 * The rules that span fields, on the event as it will be stored; `changed` names what the input
 * changes, so an error names the field the client sent.
 */
async function checkEvent(
  m: EntityManager,
  event: Pick<EventEntity, 'startsOn' | 'endsOn' | 'endsBy' | 'datePrecision' | 'forumId' | 'workingGroupId'>,
  changed: EventFields,
): Promise<void> {
  if (!PERIOD_START[event.datePrecision].test(event.startsOn)) {
    const field = changed.startsOn === undefined ? 'input.datePrecision' : 'input.startsOn';
    throw invalid(field, `with datePrecision ${event.datePrecision}, startsOn is ${PERIOD_START[event.datePrecision].says} (${event.startsOn} is not)`);
  }
  if (event.endsBy && !isMonthEnd(event.endsBy)) throw invalid('input.endsBy', `must be the last day of the month or year the event ended in (${event.endsBy} is not)`);
  for (const end of ['endsOn', 'endsBy'] as const) {
    const day = event[end];
    if (day && day < event.startsOn) {
      throw changed[end] === undefined
        ? invalid('input.startsOn', `must not be after the event's ${end} (${day})`)
        : invalid(`input.${end}`, `must not be before startsOn (${event.startsOn})`);
    }
  }
  if (event.endsOn && event.endsBy) {
    throw invalid(changed.endsBy === undefined ? 'input.endsOn' : 'input.endsBy', 'give endsOn when the last day is known, endsBy when only its month or year is; not both');
  }
  if (event.forumId && !(await m.getRepository(ForumEntity).existsBy({ id: event.forumId }))) {
    throw invalid('input.forum', `no forum with id "${event.forumId}" (see Query.forums)`);
  }
  if (event.workingGroupId) {
    const group = await m.getRepository(WorkingGroupEntity).findOneBy({ id: event.workingGroupId });
    if (!group) throw invalid('input.workingGroup', `no working group with id "${event.workingGroupId}"`);
    if (group.forumId !== event.forumId) {
      throw changed.workingGroupId === undefined
        ? invalid('input.forum', `the event's working group "${group.id}" belongs to ${group.forumId}: change or clear the working group as well`)
        : invalid('input.workingGroup', `"${group.id}" is a working group of ${group.forumId}, not of the event's forum`);
    }
  }
}

/** City, country and outcomes checked with the subgraphs that own them; the city's country is filled in. */
async function withReferences(ctx: ForumsContext, fields: EventFields): Promise<EventFields> {
  const place = await ctx.directory.place(fields.cityId, fields.countryCode, { city: 'input.city', country: 'input.country' });
  if (fields.outcomeIds?.length) await ctx.directory.assertResources(fields.outcomeIds, 'input.outcomes');
  return { ...fields, ...place };
}

async function lockEvent(m: EntityManager, id: string): Promise<EventEntity> {
  const event = await m.getRepository(EventEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!event) throw ERRORS.NOT_FOUND.err(`No event with id "${id}"`, { id });
  return event;
}

/** An event is owned by the hub country that hosts it; events elsewhere or online, by the secretariat. */
const ownerOf = (countryCodeValue: string | null | undefined) => countryCodeValue ?? SECRETARIAT;

/** Organisations' participations belong to the event's owner, so they move with the event. */
async function handOverOrganisations(ctx: ForumsContext, m: EntityManager, eventId: string, owner: string): Promise<void> {
  // Locked, so a participation removed meanwhile is neither moved nor audited as moved.
  const moving = await m.getRepository(ParticipationEntity).find({ where: { eventId, countryCode: IsNull() }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  if (moving.length === 0) return;
  await m.createQueryBuilder().update(ParticipationEntity).set({ owner }).where('id IN (:...ids)', { ids: moving.map((p) => p.id) }).execute();
  for (const before of moving) {
    await appendAudit(m, DB_SCHEMA, ctx, { entityType: 'Participation', entityId: before.id, operation: 'UPDATE', before, after: { ...before, owner } });
  }
}

export async function createEvent(ctx: ForumsContext, input: CreateEventInput): Promise<EventEntity> {
  assertWriter(ctx.caller, 'events');
  const given = eventFields(input);
  const year = (given.startsOn as string).slice(0, 4);
  const base = slugify(given.title ?? '').slice(0, 80).replace(/-+$/, '');
  if (!input.id?.trim() && !base) throw invalid('input.id', 'the title has no letters a–z or digits to make an id of: give an id such as "safety-forum-2026"');
  const id = input.id?.trim() || (base.endsWith(`-${year}`) ? base : `${base}-${year}`);
  if (!SLUG.test(id) || id.length > 100) throw invalid('input.id', 'must be a slug of lower-case letters, digits and dashes');
  const fields = await withReferences(ctx, given);
  const owner = ownerOf(fields.countryCode);
  assertCanWrite(ctx.caller, owner, `An event ${owner === SECRETARIAT ? 'outside the hub countries' : `in ${owner}`}`);

  return writeTransaction(ctx.db, async (m) => {
    const values = { datePrecision: 'DAY' as const, outcomeIds: [], ...fields, id, owner, relatedIds: [], sourceIds: [], version: 1 };
    await checkEvent(m, { startsOn: values.startsOn as string, endsOn: values.endsOn ?? null, endsBy: values.endsBy ?? null, datePrecision: values.datePrecision, forumId: values.forumId ?? null, workingGroupId: values.workingGroupId ?? null }, fields);
    // ON CONFLICT DO NOTHING: of two requests creating the same id at once, one inserts, the other is told.
    const inserted = await m.createQueryBuilder().insert().into(EventEntity).values(values).orIgnore().returning('id').execute();
    if (inserted.raw.length === 0) throw ERRORS.CONFLICT.err(`An event with id "${id}" exists already`, { id });
    const event = await m.getRepository(EventEntity).findOneByOrFail({ id });
    await appendAudit(m, DB_SCHEMA, ctx, { entityType: 'Event', entityId: id, operation: 'CREATE', before: null, after: event });
    return event;
  });
}

export async function updateEvent(ctx: ForumsContext, id: string, input: UpdateEventInput, expectedVersion: number): Promise<EventEntity> {
  assertWriter(ctx.caller, 'events');
  const given = eventFields(input);
  if (Object.keys(given).length === 0) throw invalid('input', 'name at least one field to change');
  const fields = await withReferences(ctx, given);

  return writeTransaction(ctx.db, async (m) => {
    const before = await lockEvent(m, id);
    assertCanWrite(ctx.caller, before.owner, `Event "${id}"`);
    if (before.version !== expectedVersion) {
      throw ERRORS.CONFLICT.err(`Event "${id}" is at version ${before.version}, not ${expectedVersion}: reload it and try again`, {
        currentVersion: before.version,
      });
    }
    // A new country without a new city must not contradict the city the event keeps.
    if (fields.countryCode !== undefined && fields.cityId === undefined && before.cityId && fields.countryCode !== before.countryCode) {
      throw invalid('input.country', `the event's city "${before.cityId}" is in ${before.countryCode}: change or clear the city as well`);
    }
    const after = { ...before, ...fields };
    await checkEvent(m, after, fields);
    const owner = ownerOf(after.countryCode);
    // Moving an event to another host hands it over: the caller must be able to write it there too.
    if (owner !== before.owner) assertCanWrite(ctx.caller, owner, `An event ${owner === SECRETARIAT ? 'outside the hub countries' : `in ${owner}`}`);
    // The version check is part of the UPDATE itself, so a concurrent writer can never be overwritten.
    const result = await m
      .createQueryBuilder()
      .update(EventEntity)
      .set({ ...fields, owner, version: () => 'version + 1' })
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .execute();
    if (result.affected !== 1) throw ERRORS.CONFLICT.err(`Event "${id}" changed while it was being updated: reload it and try again`);
    const updated = await m.getRepository(EventEntity).findOneByOrFail({ id });
    await appendAudit(m, DB_SCHEMA, ctx, { entityType: 'Event', entityId: id, operation: 'UPDATE', before, after: updated });
    if (owner !== before.owner) await handOverOrganisations(ctx, m, id, owner);
    return updated;
  });
}
