import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { ERRORS, appendAudit, assertCanWrite, invalid, writeTransaction } from '@nsc-hub/shared';
import type { PublicFactsInput } from '../__generated__/resolvers-types';
import type { DenmarkContext } from '../context';
import { DB_SCHEMA, OWNER_COUNTRY } from '../dbSchema';
import { publicFacts } from './publicFacts';

interface Versioned extends ObjectLiteral {
  id: string;
  owner: string;
  version: number;
}

export interface PublicFactsTarget<T extends Versioned> {
  readonly entity: EntityTarget<T>;
  /** The GraphQL type, for the audit log. */
  readonly entityType: string;
  /** How messages name it: `Police district`. */
  readonly label: string;
  /** A further rule on the record before it changes, e.g. that it is not a structure type. */
  readonly check?: (row: T) => void;
}

/**
 * Danish editors and admins: a record's public description, web address and contact mailbox, at
 * the version the editor saw. Who may write is checked before the input; then one transaction with
 * its audit entry, or nothing.
 */
export async function updatePublicFacts<T extends Versioned>(
  ctx: DenmarkContext,
  target: PublicFactsTarget<T>,
  id: string,
  input: PublicFactsInput,
  expectedVersion: number,
): Promise<T> {
  const what = `${target.label} "${id}"`;
  assertCanWrite(ctx.caller, OWNER_COUNTRY, what);
  const facts = publicFacts(input);
  if (Object.keys(facts).length === 0) throw invalid('input', 'name at least one field to change');

  return writeTransaction(ctx.db, async (m) => {
    const repo = m.getRepository(target.entity);
    const before = await repo.findOne({ where: { id } as never, lock: { mode: 'pessimistic_write' } });
    if (!before) throw ERRORS.NOT_FOUND.err(`No ${target.label.toLowerCase()} with id "${id}"`, { id });
    assertCanWrite(ctx.caller, before.owner, what);
    target.check?.(before);
    if (before.version !== expectedVersion) {
      throw ERRORS.CONFLICT.err(`${what} is at version ${before.version}, not ${expectedVersion}: reload it and try again`, { currentVersion: before.version });
    }
    await m.createQueryBuilder().update(target.entity).set({ ...facts, version: () => 'version + 1' } as never).where('id = :id', { id }).execute();
    const after = await repo.findOneByOrFail({ id } as never);
    await appendAudit(m, DB_SCHEMA, ctx, { entityType: target.entityType, entityId: id, operation: 'UPDATE', before, after });
    return after;
  });
}
