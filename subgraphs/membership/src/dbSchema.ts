/** The PostgreSQL schema the membership subgraph owns; its tables live nowhere else. */
export const DB_SCHEMA = 'membership';
