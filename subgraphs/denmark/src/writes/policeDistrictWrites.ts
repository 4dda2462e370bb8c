import { PoliceDistrictEntity } from '../entities';
import type { PublicFactsInput } from '../__generated__/resolvers-types';
import type { DenmarkContext } from '../context';
import { updatePublicFacts } from './updatePublicFacts';

/** Danish editors and admins: a district's public description, web address and contact mailbox. */
export function updatePoliceDistrict(ctx: DenmarkContext, id: string, input: PublicFactsInput, expectedVersion: number): Promise<PoliceDistrictEntity> {
  return updatePublicFacts(ctx, { entity: PoliceDistrictEntity, entityType: 'PoliceDistrict', label: 'Police district' }, id, input, expectedVersion);
}
