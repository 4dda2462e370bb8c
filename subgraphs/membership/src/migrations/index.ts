import { CreateMembershipSchema1763800000000 } from './1763800000000-CreateMembershipSchema';
import { AppendOnlyAuditLog1765100000000 } from './1765100000000-AppendOnlyAuditLog';
import { CreateIdempotencyKeys1765200000000 } from './1765200000000-CreateIdempotencyKeys';

/** In order of application. */
export const migrations = [CreateMembershipSchema1763800000000, AppendOnlyAuditLog1765100000000, CreateIdempotencyKeys1765200000000];
