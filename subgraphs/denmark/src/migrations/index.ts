import { platformMigrations } from '@nsc-hub/shared';
import { DB_SCHEMA } from '../dbSchema';
import { CreateDenmarkSchema1796590582781 } from './1796590582781-CreateDenmarkSchema';

/**
 * In order of application: the platform's audit log and idempotency keys first, then this
 * subgraph's own tables. Add a migration for every change; never edit one that has shipped.
 */
export const migrations = [...platformMigrations(DB_SCHEMA, 1796590582778), CreateDenmarkSchema1796590582781];
