import { CreateForumsSchema1764000000000 } from './1764000000000-CreateForumsSchema';

/** In order of application. */
export const migrations = [CreateForumsSchema1764000000000];
