import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Rows of an entity's table as plain objects with the entity's property names, straight from the
 * driver: no entity instances, no per-column hydration. A list of a hundred cities with their
 * nested records is thousands of rows per request; TypeORM's hydration of them cost more CPU than
 * resolving the whole answer. Columns come as TypeORM gives them (timestamps as Date, numbers as
 * numbers), except `date` columns, which are read as `YYYY-MM-DD` text, as TypeORM hydrates them too
 * (node-postgres alone would make a Date at local midnight).
 */
const selections = new WeakMap<object, Map<string, string>>();

/** The select list for `alias`: every column as its property (`t.event_id AS "eventId"`), worked out once per entity. */
export function plainColumns(db: DataSource, entity: EntityTarget<ObjectLiteral>, alias: string): string {
  const metadata = db.getMetadata(entity);
  let byAlias = selections.get(metadata);
  if (!byAlias) selections.set(metadata, (byAlias = new Map()));
  let list = byAlias.get(alias);
  if (!list) {
    list = metadata.columns
      .map((c) => `${alias}.${quote(c.databaseName)}${c.type === 'date' ? '::text' : ''} AS ${quote(c.propertyName)}`)
      .join(', ');
    byAlias.set(alias, list);
  }
  return list;
}

/** The entity's table, schema-qualified and quoted. */
export function plainTable(db: DataSource, entity: EntityTarget<ObjectLiteral>): string {
  const { schema, tableName } = db.getMetadata(entity);
  return schema ? `${quote(schema)}.${quote(tableName)}` : quote(tableName);
}

/**
 * The rows whose column `column` (a database column name) is one of `keys`, in `orderBy` (SQL on
 * alias `t`) if given: the plain form of `findBy({ x: In(keys) })`, one statement.
 */
export function plainRowsIn<T extends ObjectLiteral>(db: DataSource, entity: EntityTarget<T>, column: string, keys: readonly unknown[], orderBy?: string): Promise<T[]> {
  return db.query(
    `SELECT ${plainColumns(db, entity, 't')} FROM ${plainTable(db, entity)} t WHERE t.${quote(column)} = ANY($1)${orderBy ? ` ORDER BY ${orderBy}` : ''}`,
    [keys],
  );
}

/** What a query builder on `alias` selects, as plain rows: its conditions, joins, order and limits kept, its hydration skipped. */
export function plainRowsOf<T extends ObjectLiteral>(db: DataSource, entity: EntityTarget<T>, qb: SelectQueryBuilder<T>, alias: string): Promise<T[]> {
  return qb.select(plainColumns(db, entity, alias)).getRawMany<T>();
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
