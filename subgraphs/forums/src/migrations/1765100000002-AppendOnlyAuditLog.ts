import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log is append-only for everyone who connects as the subgraph does, not only for the
 * graph: UPDATE, DELETE and TRUNCATE on it fail in the database itself. (Dropping the schema or
 * the database, as tests and an operator's reset do, still works.)
 */
export class AppendOnlyAuditLog1765100000002 implements MigrationInterface {
  name = 'AppendOnlyAuditLog1765100000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION forums.refuse_audit_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$;
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON forums.audit_log
        FOR EACH ROW EXECUTE FUNCTION forums.refuse_audit_log_change();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON forums.audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION forums.refuse_audit_log_change();
      CREATE INDEX audit_log_actor ON forums.audit_log (actor_sub);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX forums.audit_log_actor;
      DROP TRIGGER audit_log_no_truncate ON forums.audit_log;
      DROP TRIGGER audit_log_append_only ON forums.audit_log;
      DROP FUNCTION forums.refuse_audit_log_change();
    `);
  }
}
