import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { invalid, optionalEmail, optionalHttpUrl, optionalText, requiredText } from '@nsc-hub/shared';
import type { PublicFactsInput, SourceInput } from '../__generated__/resolvers-types';
import { DB_SCHEMA } from '../dbSchema';

export interface PublicFacts {
  description?: string | null;
  url?: string | null;
  contactEmail?: string | null;
}

/** The public facts an editor may change: description, web address and a functional mailbox. */
export function publicFacts(input: PublicFactsInput): PublicFacts {
  const facts: PublicFacts = {};
  if (input.description !== undefined) facts.description = optionalText(input.description, 'input.description', 5000);
  if (input.url !== undefined) facts.url = optionalHttpUrl(input.url, 'input.url');
  if (input.contactEmail !== undefined) facts.contactEmail = optionalEmail(input.contactEmail, 'input.contactEmail');
  return facts;
}

/**
 * The source of a new fact, stored with the seed's sources: its id is derived from the address, so
 * citing one page twice stores it once.
 */
export async function storeSource(m: EntityManager, input: SourceInput): Promise<string> {
  const url = optionalHttpUrl(input.url, 'input.source.url');
  if (!url) throw invalid('input.source.url', 'is required');
  const title = requiredText(input.title, 'input.source.title', 300);
  const id = `recorded-${createHash('sha256').update(url).digest('hex').slice(0, 16)}`;
  await m.query(`INSERT INTO ${DB_SCHEMA}.sources (id, url, title) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, [id, url, title]);
  return id;
}
