import { CreateMembershipSchema1763800000000 } from './1763800000000-CreateMembershipSchema';

/** In order of application. */
export const migrations = [CreateMembershipSchema1763800000000];
