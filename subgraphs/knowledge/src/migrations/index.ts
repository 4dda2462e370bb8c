import { CreateKnowledgeSchema1763900000000 } from './1763900000000-CreateKnowledgeSchema';

/** In order of application. */
export const migrations = [CreateKnowledgeSchema1763900000000];
