export * from './appendOnlyAuditLogMigration';
export * from './createAuditLogMigration';
export * from './createIdempotencyKeysMigration';
export * from './platformMigrations';
export * from './sqlMigration';
