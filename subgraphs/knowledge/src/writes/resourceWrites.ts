import { In, type EntityManager } from 'typeorm';
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
  optionalHttpUrl,
  optionalInt,
  optionalText,
  requiredText,
  slugify,
  writeTransaction,
} from '@nsc-hub/shared';
import { ResourceEntity, ResourceTopicEntity, TopicEntity, type AudienceValue } from '../entities';
import type { CreateResourceInput, PublisherInput, UpdateResourceInput } from '../__generated__/resolvers-types';
import type { KnowledgeContext } from '../context';
import { DB_SCHEMA } from '../dbSchema';
import { languageTag } from '../data/resourceFilter';

const MAX_TITLE = 300;
const MAX_SUMMARY = 5000;
const MAX_LIST = 20;

type ResourceFields = Partial<
  Pick<
    ResourceEntity,
    'title' | 'titleLocal' | 'summary' | 'summaryLanguage' | 'kind' | 'language' | 'languages' | 'url' | 'publishedOn' | 'publishedYear' | 'audiences' | 'publisherType' | 'publisherId' | 'publisherName' | 'cityIds'
  >
>;

function languages(values: readonly string[]): string[] {
  if (values.length === 0) throw invalid('input.languages', 'name at least one language');
  if (values.length > MAX_LIST) throw invalid('input.languages', `name at most ${MAX_LIST} languages`);
  return [...new Set(values.map((v) => languageTag(v, 'input.languages')))];
}

function list(values: readonly string[], field: string, pattern: RegExp, what: string): string[] {
  if (values.length > MAX_LIST) throw invalid(field, `name at most ${MAX_LIST}`);
  for (const v of values) if (!pattern.test(v)) throw invalid(field, `"${v}" is not ${what}`);
  return [...new Set(values)];
}

function publisher(input: PublisherInput | null | undefined): Pick<ResourceFields, 'publisherType' | 'publisherId'> | undefined {
  if (input === undefined) return undefined;
  if (input === null) return { publisherType: null, publisherId: null };
  const id = requiredText(input.id, 'input.publisher.id', 100);
  if (!SLUG.test(id)) throw invalid('input.publisher.id', `"${id}" is not a forum, network or city id`);
  return { publisherType: input.type, publisherId: id };
}

/** Checks and normalises the fields common to create and update; undefined means "leave as is". */
function resourceFields(input: CreateResourceInput | UpdateResourceInput): ResourceFields {
  const fields: ResourceFields = {};
  if (input.title !== undefined) fields.title = requiredText(input.title, 'input.title', MAX_TITLE);
  if (input.titleLocal !== undefined) fields.titleLocal = optionalText(input.titleLocal, 'input.titleLocal', MAX_TITLE);
  if (input.summary !== undefined) {
    fields.summary = optionalText(input.summary, 'input.summary', MAX_SUMMARY);
    // A summary an editor writes is in the resource's language (only the seed's are English paraphrases).
    fields.summaryLanguage = null;
  }
  if (input.kind !== undefined && input.kind !== null) fields.kind = input.kind;
  if (input.kind === null) throw invalid('input.kind', 'is required');
  if (input.languages !== undefined) {
    if (input.languages === null) throw invalid('input.languages', 'is required');
    fields.languages = languages(input.languages);
    fields.language = fields.languages[0];
  }
  if (input.url !== undefined) fields.url = optionalHttpUrl(input.url, 'input.url');
  if (input.publishedOn !== undefined) fields.publishedOn = input.publishedOn;
  if (input.publishedYear !== undefined) fields.publishedYear = optionalInt(input.publishedYear, 'input.publishedYear', MIN_YEAR, MAX_YEAR);
  if (input.audiences !== undefined) fields.audiences = [...new Set(input.audiences ?? [])] as AudienceValue[];
  Object.assign(fields, publisher(input.publisher));
  if (input.publisherName !== undefined) fields.publisherName = optionalText(input.publisherName, 'input.publisherName');
  if (input.cityIds !== undefined) fields.cityIds = list(input.cityIds ?? [], 'input.cityIds', CITY_ID, 'a city id such as dk-aarhus');
  return fields;
}

/**
 * The publication year follows the date: given a date, the year is the date's (or must equal it);
 * `current` is the stored resource on update, so a year sent alone is checked against its date.
 */
function withPublicationYear(fields: ResourceFields, current?: Pick<ResourceEntity, 'publishedOn' | 'publishedYear'>): ResourceFields {
  const on = fields.publishedOn !== undefined ? fields.publishedOn : (current?.publishedOn ?? null);
  if (!on) return fields;
  const dateYear = Number(on.slice(0, 4));
  if (dateYear < MIN_YEAR || dateYear > MAX_YEAR) throw invalid('input.publishedOn', `must be a date from ${MIN_YEAR} to ${MAX_YEAR}`);
  // A new date brings its own year; the stored year only counts when the date stays as it was.
  const year = fields.publishedYear !== undefined ? fields.publishedYear : fields.publishedOn !== undefined ? undefined : current?.publishedYear;
  if (year !== null && year !== undefined && year !== dateYear) {
    throw invalid('input.publishedYear', `must be the year of publishedOn (${dateYear})`);
  }
  return year === dateYear && fields.publishedYear === undefined ? fields : { ...fields, publishedYear: dateYear };
}

async function topicIds(m: EntityManager, ids: readonly string[] | null | undefined): Promise<string[] | undefined> {
  if (ids === undefined) return undefined;
  const wanted = list(ids ?? [], 'input.topics', SLUG, 'a topic id');
  const found = new Set((await m.getRepository(TopicEntity).findBy({ id: In(wanted) })).map((t) => t.id));
  const unknown = wanted.filter((id) => !found.has(id));
  if (unknown.length) throw invalid('input.topics', `unknown topic${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (see Query.topics)`);
  return wanted;
}

async function setTopics(m: EntityManager, resourceId: string, topics: string[]): Promise<void> {
  await m.getRepository(ResourceTopicEntity).delete({ resourceId });
  if (topics.length) await m.getRepository(ResourceTopicEntity).insert(topics.map((topicId) => ({ resourceId, topicId })));
}

async function snapshot(m: EntityManager, id: string) {
  const resource = await m.getRepository(ResourceEntity).findOneByOrFail({ id });
  const topics = (await m.getRepository(ResourceTopicEntity).findBy({ resourceId: id })).map((t) => t.topicId).sort();
  return { resource, topics };
}

async function lockResource(m: EntityManager, id: string): Promise<ResourceEntity> {
  const resource = await m.getRepository(ResourceEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!resource) throw ERRORS.NOT_FOUND.err(`No resource with id "${id}"`, { id });
  return resource;
}

export async function createResource(ctx: KnowledgeContext, input: CreateResourceInput): Promise<ResourceEntity> {
  assertWriter(ctx.caller, 'resources');
  const fields = withPublicationYear(resourceFields(input));
  const country = input.country ? countryCode(input.country, 'input.country') : null;
  const owner = country ?? SECRETARIAT;
  const id = input.id?.trim() || slugify(fields.title ?? '').slice(0, 80).replace(/-+$/, '');
  if (!SLUG.test(id) || id.length > 100) throw invalid('input.id', 'must be a slug of lower-case letters, digits and dashes');
  assertCanWrite(ctx.caller, owner, `A resource owned by ${owner}`);

  return writeTransaction(ctx.db, async (m) => {
    const topics = (await topicIds(m, input.topics)) ?? [];
    const inserted = await m
      .createQueryBuilder()
      .insert()
      .into(ResourceEntity)
      .values({ ...fields, id, owner, countryCodes: country ? [country] : [], sourceIds: [], version: 1 })
      .orIgnore()
      .returning('id')
      .execute();
    if (inserted.raw.length === 0) throw ERRORS.CONFLICT.err(`A resource with id "${id}" exists already`, { id });
    await setTopics(m, id, topics);
    const after = await snapshot(m, id);
    await appendAudit(m, DB_SCHEMA, ctx, { entityType: 'Resource', entityId: id, operation: 'CREATE', before: null, after });
    return after.resource;
  });
}

export async function updateResource(ctx: KnowledgeContext, id: string, input: UpdateResourceInput, expectedVersion: number): Promise<ResourceEntity> {
  assertWriter(ctx.caller, 'resources');
  const fields = resourceFields(input);
  if (Object.keys(fields).length === 0 && input.topics === undefined) throw invalid('input', 'name at least one field to change');

  return writeTransaction(ctx.db, async (m) => {
    const current = await lockResource(m, id);
    assertCanWrite(ctx.caller, current.owner, `Resource "${id}"`);
    if (current.version !== expectedVersion) {
      throw ERRORS.CONFLICT.err(`Resource "${id}" is at version ${current.version}, not ${expectedVersion}: reload it and try again`, {
        currentVersion: current.version,
      });
    }
    const changes = withPublicationYear(fields, current);
    const topics = await topicIds(m, input.topics);
    const before = await snapshot(m, id);
    // The version check is part of the UPDATE itself, so a concurrent writer can never be overwritten.
    const result = await m
      .createQueryBuilder()
      .update(ResourceEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .execute();
    if (result.affected !== 1) throw ERRORS.CONFLICT.err(`Resource "${id}" changed while it was being updated: reload it and try again`);
    if (topics) await setTopics(m, id, topics);
    const after = await snapshot(m, id);
    await appendAudit(m, DB_SCHEMA, ctx, { entityType: 'Resource', entityId: id, operation: 'UPDATE', before, after });
    return after.resource;
  });
}

export async function archiveResource(ctx: KnowledgeContext, id: string): Promise<ResourceEntity> {
  assertWriter(ctx.caller, 'resources');
  return writeTransaction(ctx.db, async (m) => {
    const current = await lockResource(m, id);
    assertCanWrite(ctx.caller, current.owner, `Resource "${id}"`);
    if (current.archivedAt) throw ERRORS.CONFLICT.err(`Resource "${id}" was archived already`);
    const before = await snapshot(m, id);
    await m
      .createQueryBuilder()
      .update(ResourceEntity)
      .set({ archivedAt: () => 'now()', version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
    const after = await snapshot(m, id);
    await appendAudit(m, DB_SCHEMA, ctx, { entityType: 'Resource', entityId: id, operation: 'UPDATE', before, after });
    return after.resource;
  });
}
