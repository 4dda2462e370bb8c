import type { DataSource, ObjectLiteral } from 'typeorm';

/**
 * Named parameters for hand-written SQL: `p.add(value)` returns `:pN`. The same conditions then
 * serve a TypeORM query builder (`.where(sql, p.params)`) and a raw statement (`p.raw(db, sql)`).
 */
export class SqlParams {
  readonly params: ObjectLiteral = {};
  private count = 0;

  add(value: unknown): string {
    this.count += 1;
    this.params[`p${this.count}`] = value;
    return `:p${this.count}`;
  }

  /** Runs `sql` with these parameters (bound positionally by the driver, never spliced in). */
  raw<T = Record<string, unknown>>(db: DataSource, sql: string): Promise<T[]> {
    const [text, values] = db.driver.escapeQueryWithParameters(sql, this.params);
    return db.query(text, values);
  }
}
