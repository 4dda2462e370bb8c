import { ERRORS, appendAudit, assertCanWrite, assertWriter, invalid, optionalText, requiredText, UUID, writeTransaction } from '@nsc-hub/shared';
import { MembershipEntity, type MembershipStatusValue } from '../entities/MembershipEntity';
import { NetworkEntity } from '../entities/NetworkEntity';
import { CityEntity } from '../entities/CityEntity';
import type { AddMembershipInput } from '../__generated__/resolvers-types';
import type { MembershipContext } from '../context';
import { DB_SCHEMA } from '../dbSchema';
import { lockCity } from './cityWrites';

/** A membership belongs to its city's country: its editors add and end it. */
export async function addMembership(ctx: MembershipContext, input: AddMembershipInput): Promise<MembershipEntity> {
  assertWriter(ctx.caller, 'memberships');
  const cityId = requiredText(input.cityId, 'input.cityId', 100);
  const networkId = requiredText(input.networkId, 'input.networkId', 100);
  const status: MembershipStatusValue = input.status ?? 'ACTIVE';
  if (status === 'FORMER') throw invalid('input.status', 'a new membership is ACTIVE or CANDIDATE; end one with endMembership');
  const role = optionalText(input.role, 'input.role') ?? null;

  return writeTransaction(ctx.db, async (m) => {
    const city = await m.getRepository(CityEntity).findOne({ where: { id: cityId }, lock: { mode: 'pessimistic_write' } });
    if (!city) throw invalid('input.cityId', `no city with id "${cityId}"`);
    assertCanWrite(ctx.caller, city.owner, `City "${cityId}"`);
    if (!(await m.getRepository(NetworkEntity).existsBy({ id: networkId }))) throw invalid('input.networkId', `no network with id "${networkId}"`);
    const current = await m.getRepository(MembershipEntity).findOne({ where: [
      { cityId, networkId, status: 'ACTIVE' },
      { cityId, networkId, status: 'CANDIDATE' },
    ] });
    if (current) {
      throw ERRORS.CONFLICT.err(`City "${cityId}" already has a ${current.status} membership of "${networkId}"`, { membershipId: current.id });
    }
    const membership = await m.getRepository(MembershipEntity).save(
      m.getRepository(MembershipEntity).create({ cityId, networkId, status, role, since: input.since ?? null, until: null, sourceIds: [], version: 1 }),
    );
    await appendAudit(m, DB_SCHEMA, ctx, {
      entityType: 'Membership',
      entityId: membership.id,
      operation: 'CREATE',
      before: null,
      after: membership,
    });
    return membership;
  });
}

export async function endMembership(ctx: MembershipContext, id: string, until: string): Promise<MembershipEntity> {
  assertWriter(ctx.caller, 'memberships');
  // Not a uuid cannot name a membership; say so instead of letting Postgres reject the cast.
  if (!UUID.test(id)) throw ERRORS.NOT_FOUND.err(`No membership with id "${id}"`, { id });
  if (until > latestToday()) throw invalid('until', 'must not be in the future: a membership is ended once it has ended');

  return writeTransaction(ctx.db, async (m) => {
    const before = await m.getRepository(MembershipEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!before) throw ERRORS.NOT_FOUND.err(`No membership with id "${id}"`, { id });
    const city = await lockCity(m, before.cityId);
    assertCanWrite(ctx.caller, city.owner, `City "${city.id}"`);
    if (before.status === 'FORMER') throw ERRORS.CONFLICT.err(`Membership "${id}" ended already${before.until ? ` on ${before.until}` : ''}`);
    if (before.since && until < before.since) throw invalid('until', `must not be before the membership began (${before.since})`);
    await m.getRepository(MembershipEntity).update({ id, version: before.version }, { status: 'FORMER', until, version: before.version + 1 });
    const after = await m.getRepository(MembershipEntity).findOneByOrFail({ id });
    await appendAudit(m, DB_SCHEMA, ctx, { entityType: 'Membership', entityId: id, operation: 'UPDATE', before, after });
    return after;
  });
}

/** Today's date in the time zone furthest ahead (UTC+14), so "today" is never refused anywhere. */
function latestToday(): string {
  return new Date(Date.now() + 14 * 3600_000).toISOString().slice(0, 10);
}
