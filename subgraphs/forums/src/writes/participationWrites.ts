import { CITY_ID, ERRORS, SLUG, appendAudit, assertCanWrite, assertWriter, countryCode, invalid, optionalId, optionalText, requiredText, UUID, writeTransaction } from '@nsc-hub/shared';
import { EventEntity, ForumEntity, ParticipationEntity } from '../entities';
import type { ParticipationInput } from '../__generated__/resolvers-types';
import type { ForumsContext } from '../context';
import { DB_SCHEMA } from '../dbSchema';

/**
 * A city's or country's participation belongs to that country: its editors record and remove it,
 * at any event. An organisation's belongs to the event's owner.
 */
export async function recordParticipation(ctx: ForumsContext, input: ParticipationInput): Promise<ParticipationEntity> {
  assertWriter(ctx.caller, 'participations');
  const eventId = requiredText(input.event, 'input.event', 100);
  const cityId = optionalId(input.city, 'input.city', CITY_ID, 'a city id such as dk-aarhus') ?? null;
  const country = input.country === undefined || input.country === null ? null : countryCode(input.country, 'input.country');
  const organisation = optionalText(input.organisation, 'input.organisation') ?? null;
  const forumId = optionalId(input.forum, 'input.forum', SLUG, 'a forum id such as ran') ?? null;
  const note = optionalText(input.note, 'input.note', 500) ?? null;
  if (!cityId && !country && !organisation) throw invalid('input', 'name who took part: a city, a country or an organisation');
  if (forumId && !organisation) throw invalid('input.forum', 'names the forum the organisation is: give the organisation too');
  const place = await ctx.directory.place(cityId, country, { city: 'input.city', country: 'input.country' });
  const countryCodeValue = place.countryCode ?? null;

  return writeTransaction(ctx.db, async (m) => {
    const event = await m.getRepository(EventEntity).findOne({ where: { id: eventId }, lock: { mode: 'pessimistic_read' } });
    if (!event) throw invalid('input.event', `no event with id "${eventId}"`);
    const owner = countryCodeValue ?? event.owner;
    assertCanWrite(ctx.caller, owner, countryCodeValue ? `A participation of ${cityId ?? countryCodeValue}` : `Event "${eventId}"`);
    if (forumId && !(await m.getRepository(ForumEntity).existsBy({ id: forumId }))) throw invalid('input.forum', `no forum with id "${forumId}" (see Query.forums)`);
    // The unique participant key decides what is a duplicate, also between two requests at once.
    const inserted = await m
      .createQueryBuilder()
      .insert()
      .into(ParticipationEntity)
      .values({ eventId, cityId, countryCode: countryCodeValue, organisation, forumId, networkId: null, role: input.role, note, owner })
      .orIgnore()
      .returning('id')
      .execute();
    const id = (inserted.raw as { id: string }[])[0]?.id;
    if (!id) {
      const who = cityId ? `city "${cityId}"` : organisation ? `"${organisation}"` : `country ${countryCodeValue}`;
      throw invalid('input', `${who} is already recorded at event "${eventId}"; remove that participation first to record it again`);
    }
    const participation = await m.getRepository(ParticipationEntity).findOneByOrFail({ id });
    await appendAudit(m, DB_SCHEMA, ctx, { entityType: 'Participation', entityId: id, operation: 'CREATE', before: null, after: participation });
    return participation;
  });
}

export async function removeParticipation(ctx: ForumsContext, id: string): Promise<boolean> {
  assertWriter(ctx.caller, 'participations');
  // Not a uuid cannot name a participation; say so instead of letting Postgres reject the cast.
  if (!UUID.test(id)) throw ERRORS.NOT_FOUND.err(`No participation with id "${id}"`, { id });
  return writeTransaction(ctx.db, async (m) => {
    const before = await m.getRepository(ParticipationEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!before) throw ERRORS.NOT_FOUND.err(`No participation with id "${id}"`, { id });
    assertCanWrite(ctx.caller, before.owner, `A participation of ${before.cityId ?? before.countryCode ?? `"${before.organisation}"`}`);
    await m.getRepository(ParticipationEntity).delete({ id });
    await appendAudit(m, DB_SCHEMA, ctx, { entityType: 'Participation', entityId: id, operation: 'DELETE', before, after: null });
    return true;
  });
}
