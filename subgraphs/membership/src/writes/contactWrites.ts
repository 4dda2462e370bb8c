import { appendAudit, assertCanWrite, optionalEmail, optionalPhone, optionalText, requiredText } from '@nsc-hub/shared';
import { ContactPersonEntity } from '../entities/ContactPersonEntity';
import type { ContactInput } from '../__generated__/resolvers-types';
import type { MembershipContext } from '../context';
import { assertMayWrite, lockCity } from './cityWrites';

export async function addContact(ctx: MembershipContext, cityId: string, input: ContactInput): Promise<ContactPersonEntity> {
  assertMayWrite(ctx.caller, 'contact persons');
  const values = {
    name: requiredText(input.name, 'input.name'),
    role: optionalText(input.role, 'input.role') ?? null,
    email: optionalEmail(input.email, 'input.email') ?? null,
    phone: optionalPhone(input.phone, 'input.phone') ?? null,
  };
  return ctx.db.transaction(async (m) => {
    const city = await lockCity(m, cityId);
    assertCanWrite(ctx.caller, city.owner, `City "${cityId}"`);
    const contact = await m.getRepository(ContactPersonEntity).save(m.getRepository(ContactPersonEntity).create({ cityId, ...values }));
    await appendAudit(m, 'membership', ctx.caller, ctx.requestId, {
      entityType: 'ContactPerson',
      entityId: contact.id,
      operation: 'CREATE',
      before: null,
      after: contact,
    });
    return contact;
  });
}
