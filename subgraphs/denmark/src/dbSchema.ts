import { collate } from '@nsc-hub/shared';

/** The PostgreSQL schema the denmark subgraph owns; its tables live nowhere else. */
export const DB_SCHEMA = 'denmark';

/** Records owned by this subgraph belong to this country: its editors write them. */
export const OWNER_COUNTRY = 'DK';

/** Danish alphabetical order (Æ, Ø, Å after Z), from PostgreSQL's ICU collations. */
export const DANISH = collate('da');
