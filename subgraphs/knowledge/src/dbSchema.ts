/** The PostgreSQL schema the knowledge subgraph owns; its tables live nowhere else. */
export const DB_SCHEMA = 'knowledge';
