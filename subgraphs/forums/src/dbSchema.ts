/** The PostgreSQL schema the forums subgraph owns; its tables live nowhere else. */
export const DB_SCHEMA = 'forums';
