import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { KeyLoader } from '../loaders';
import type { RequestSelection } from '../server/RequestSelection';

/**
 * Rows of an entity's table as plain objects with the entity's property names, straight from the
 * driver: no entity instances, no per-column hydration. A list of a hundred cities with their
 * nested records is thousands of rows per request; TypeORM's hydration of them cost more CPU than
 * resolving the whole answer. Columns come as TypeORM gives them (timestamps as Date, numbers as
 * numbers), except `date` columns, which are read as `YYYY-MM-DD` text, as TypeORM hydrates them too
 * (node-postgres alone would make a Date at local midnight).
 *
 * The bookkeeping timestamps (`@CreateDateColumn`, `@UpdateDateColumn`) are not read: no field of
 * any schema shows them, and parsing thousands of timestamps a request is work for nothing. Code
 * that needs one reads the entity through TypeORM.
 */
const selections = new WeakMap<object, Map<string, string>>();

/**
 * The select list for `alias`: every column as its property (`t.event_id AS "eventId"`), or with
 * `prefix` as the prefixed property (`e.id AS "event.id"`), for a second entity read in the same
 * row (see `plainPart`); only the properties in `properties`, if given (see `selectedColumns`).
 * Worked out once per entity, alias, prefix and choice of properties.
 */
export function plainColumns(db: DataSource, entity: EntityTarget<ObjectLiteral>, alias: string, prefix = '', properties?: ColumnChoice): string {
  const metadata = db.getMetadata(entity);
  let byAlias = selections.get(metadata);
  if (!byAlias) selections.set(metadata, (byAlias = new Map()));
  const key = `${alias} ${prefix} ${properties ? [...properties].sort().join(',') : '*'}`;
  let list = byAlias.get(key);
  if (!list) {
    list = readColumns(metadata.columns)
      .filter((c) => !properties || properties.has(c.propertyName))
      .map((c) => `${alias}.${quote(c.databaseName)}${c.type === 'date' ? '::text' : ''} AS ${quote(prefix + c.propertyName)}`)
      .join(', ');
    // Selections differ by the fields of a document: bounded by the documents clients send, but
    // not kept past a bound all the same.
    if (byAlias.size < MAX_SELECTIONS_PER_ENTITY) byAlias.set(key, list);
  }
  return list;
}

const MAX_SELECTIONS_PER_ENTITY = 500;

/** The properties of an entity to read; undefined: all of them. */
export type ColumnChoice = ReadonlySet<string> | undefined;

/**
 * The properties of `entity` to read for objects of the GraphQL type `typeName`: those the
 * request's selected fields read (`RequestSelection`), with `always` (its key, and whatever the
 * loader itself reads of a row: a group key, a sort key). Undefined, meaning every column, where
 * the selection is not known.
 */
export function selectedColumns(db: DataSource, entity: EntityTarget<ObjectLiteral>, selection: RequestSelection, typeName: string, always: readonly string[]): ColumnChoice {
  const metadata = db.getMetadata(entity);
  let properties = propertyNames.get(metadata);
  if (!properties) propertyNames.set(metadata, (properties = new Set(readColumns(metadata.columns).map((c) => c.propertyName))));
  const needed = selection.propertiesOf(typeName, properties);
  if (!needed) return undefined;
  for (const property of [...always, ...metadata.primaryColumns.map((c) => c.propertyName)]) needed.add(property);
  return needed;
}

const propertyNames = new WeakMap<object, ReadonlySet<string>>();

const readColumns = (columns: readonly ColumnMetadata[]) => columns.filter((c) => !c.isCreateDate && !c.isUpdateDate);

const readers = new WeakMap<object, Map<string, (row: Readonly<Record<string, unknown>>) => unknown>>();

/**
 * A function taking the part of a row read with `plainColumns(…, prefix)` as an object of its own,
 * unprefixed: compiled once per entity and prefix into one object literal, so every object it makes
 * has the same shape (and property access on them stays fast), with no key built per row.
 */
export function plainPartReader<T>(db: DataSource, entity: EntityTarget<T & ObjectLiteral>, prefix: string): (row: Readonly<Record<string, unknown>>) => T {
  const metadata = db.getMetadata(entity);
  let byPrefix = readers.get(metadata);
  if (!byPrefix) readers.set(metadata, (byPrefix = new Map()));
  let reader = byPrefix.get(prefix);
  if (!reader) {
    const fields = readColumns(metadata.columns).map((c) => `${JSON.stringify(c.propertyName)}: row[${JSON.stringify(prefix + c.propertyName)}]`);
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- built from the entity's own column names, JSON-quoted
    reader = new Function('row', `return { ${fields.join(', ')} };`) as (row: Readonly<Record<string, unknown>>) => unknown;
    byPrefix.set(prefix, reader);
  }
  return reader as (row: Readonly<Record<string, unknown>>) => T;
}

/**
 * Records of `entity` that statements read along with rows of their own (a participation's event,
 * a listed resource), so that they take no statement of their own: `columns(alias)` is their part
 * of a select list, prefixed `prefix`, with the properties `properties()` chooses for the request;
 * `read(row)` is the record, also handed to `byId` for whatever asks for it by id later.
 */
export interface RecordsReadAlong<T> {
  columns(alias: string): string;
  read(row: Readonly<Record<string, unknown>>): T;
}

export function recordsReadAlong<T extends ObjectLiteral & { id: string }>(
  db: DataSource,
  entity: EntityTarget<T>,
  prefix: string,
  properties: () => ColumnChoice,
  byId: KeyLoader<string, T>,
): RecordsReadAlong<T> {
  const recordOf = plainPartReader(db, entity, prefix);
  return {
    columns: (alias) => plainColumns(db, entity, alias, prefix, properties()),
    read: (row) => {
      const record = recordOf(row);
      byId.prime(record.id, record);
      return record;
    },
  };
}

/** The entity's table, schema-qualified and quoted. */
export function plainTable(db: DataSource, entity: EntityTarget<ObjectLiteral>): string {
  const { schema, tableName } = db.getMetadata(entity);
  return schema ? `${quote(schema)}.${quote(tableName)}` : quote(tableName);
}

/**
 * The rows whose column `column` (a database column name) is one of `keys`, in `orderBy` (SQL on
 * alias `t`) if given, with only the columns of `properties` if given: the plain form of
 * `findBy({ x: In(keys) })`, one statement.
 */
export function plainRowsIn<T extends ObjectLiteral>(db: DataSource, entity: EntityTarget<T>, column: string, keys: readonly unknown[], orderBy?: string, properties?: ColumnChoice): Promise<T[]> {
  return db.query(
    `SELECT ${plainColumns(db, entity, 't', '', properties)} FROM ${plainTable(db, entity)} t WHERE t.${quote(column)} = ANY($1)${orderBy ? ` ORDER BY ${orderBy}` : ''}`,
    [keys],
  );
}

/** What a query builder on `alias` selects, as plain rows: its conditions, joins, order and limits kept, its hydration skipped. */
export function plainRowsOf<T extends ObjectLiteral>(db: DataSource, entity: EntityTarget<T>, qb: SelectQueryBuilder<T>, alias: string): Promise<T[]> {
  return qb.select(plainColumns(db, entity, alias)).getRawMany<T>();
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
