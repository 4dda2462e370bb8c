import { CreateKnowledgeSchema1763900000000 } from './1763900000000-CreateKnowledgeSchema';
import { AppendOnlyAuditLog1765100000001 } from './1765100000001-AppendOnlyAuditLog';
import { CreateIdempotencyKeys1765200000001 } from './1765200000001-CreateIdempotencyKeys';

/** In order of application. */
export const migrations = [CreateKnowledgeSchema1763900000000, AppendOnlyAuditLog1765100000001, CreateIdempotencyKeys1765200000001];
