import { appendAudit, assertCanWrite, assertWriter, optionalEmail, optionalPhone, optionalText, requiredText, writeTransaction } from '@nsc-hub/shared';
import { ContactPersonEntity } from '../entities/ContactPersonEntity';
import type { ContactInput } from '../__generated__/resolvers-types';
import type { MembershipContext } from '../context';
import { DB_SCHEMA } from '../dbSchema';
import { lockCity } from './cityWrites';

export async function addContact(ctx: MembershipContext, cityId: string, input: ContactInput): Promise<ContactPersonEntity> {
  assertWriter(ctx.caller, 'contact persons');
  const values = {
    name: requiredText(input.name, 'input.name'),
    role: optionalText(input.role, 'input.role') ?? null,
    email: optionalEmail(input.email, 'input.email') ?? null,
    phone: optionalPhone(input.phone, 'input.phone') ?? null,
  };
  return writeTransaction(ctx.db, async (m) => {
    const city = await lockCity(m, cityId);
    assertCanWrite(ctx.caller, city.owner, `City "${cityId}"`);
    const contact = await m.getRepository(ContactPersonEntity).save(m.getRepository(ContactPersonEntity).create({ cityId, ...values }));
    await appendAudit(m, DB_SCHEMA, ctx, {
      entityType: 'ContactPerson',
      entityId: contact.id,
      operation: 'CREATE',
      before: null,
      after: contact,
    });
    return contact;
  });
}
