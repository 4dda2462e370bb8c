import { CreateForumsSchema1764000000000 } from './1764000000000-CreateForumsSchema';
import { AppendOnlyAuditLog1765100000002 } from './1765100000002-AppendOnlyAuditLog';
import { CreateIdempotencyKeys1765200000002 } from './1765200000002-CreateIdempotencyKeys';

/** In order of application. */
export const migrations = [CreateForumsSchema1764000000000, AppendOnlyAuditLog1765100000002, CreateIdempotencyKeys1765200000002];
