import type Database from 'better-sqlite3';
import type { IndexSpec } from '../../document-store.port';
import { FIELD_NAME, fieldExpression } from './sql-pushdown';

/**
 * The SQL behind declared indexes. Scalar and compound indexes are expression indexes on the
 * collection's table. An array field's elements are rows of the collection's `values` table
 * (field, value, id), kept by triggers in the same transaction as every write to the
 * collection, whichever process or code path writes it.
 */

/** The table of array elements of a collection's table (`#` cannot occur in a collection name, and it does not start with `doc_`: it is no collection). */
export const valuesTable = (table: string): string => `idx#${table}`;

const ELEMENT_TYPES = "('text', 'integer', 'real')";
const triggerName = (table: string, field: string, kind: string): string =>
  `${table}#${field}#${kind}`;

const assertField = (field: string): void => {
  if (!FIELD_NAME.test(field)) throw new Error(`invalid index field ${field}`);
};

export type IndexPlan =
  { kind: 'scalar'; fields: string[]; sql: string } | { kind: 'array'; field: string };

/** What an index declaration means for a table; throws on a declaration it cannot honour. */
export const planIndex = (table: string, index: IndexSpec): IndexPlan => {
  if ('fields' in index) {
    const fields = [...index.fields];
    if (fields.length === 0) throw new Error('a compound index needs at least one field');
    fields.forEach(assertField);
    // The primary key ends a non-unique index, so ORDER BY …, id is read from it in order.
    const columns = [...fields.map(fieldExpression), ...(index.unique ? [] : ['id'])];
    const name = `${table}__${[...fields.map((f) => f.replaceAll('.', '_')), ...(index.unique ? [] : ['id'])].join('+')}`;
    return {
      kind: 'scalar',
      fields,
      sql: `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${name}" ON "${table}" (${columns.join(', ')})`,
    };
  }
  assertField(index.field);
  if (index.array) {
    if (index.field.includes('.'))
      throw new Error(`array index field ${index.field} must be a top-level field`);
    if ((index as { unique?: boolean }).unique)
      throw new Error(`array index on ${index.field} cannot be unique`);
    return { kind: 'array', field: index.field };
  }
  const name = `${table}__${index.field.replaceAll('.', '_')}`;
  return {
    kind: 'scalar',
    fields: [index.field],
    sql: `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${name}" ON "${table}" (${fieldExpression(index.field)})`,
  };
};

/** The elements of `field` in a row (`new` or `old`), as rows of the values table. */
const elementsOf = (row: 'new' | 'old', field: string): string =>
  `SELECT '${field}', value, ${row}.id FROM json_each(${row}.body, '$.${field}') WHERE type IN ${ELEMENT_TYPES}`;

/**
 * Writes are upserts, so a replaced document fires the update trigger, which does nothing
 * unless the field changed (most updates leave a profile's tags and hashes as they were). The
 * insert trigger still clears what an earlier row of that id may have left: an INSERT OR
 * REPLACE deletes the old row without firing delete triggers (recursive_triggers is off).
 */
export const arrayTriggersSql = (table: string, field: string): string[] => {
  const values = valuesTable(table);
  const clear = (row: 'new' | 'old') =>
    `DELETE FROM "${values}" WHERE id = ${row}.id AND field = '${field}';`;
  const fill = `INSERT OR IGNORE INTO "${values}" (field, value, id) ${elementsOf('new', field)};`;
  const path = `'$.${field}'`;
  const changed = `old.id IS NOT new.id OR json_extract(old.body, ${path}) IS NOT json_extract(new.body, ${path})`;
  return [
    `CREATE TRIGGER IF NOT EXISTS "${triggerName(table, field, 'insert')}" AFTER INSERT ON "${table}" BEGIN ${clear('new')} ${fill} END`,
    `CREATE TRIGGER IF NOT EXISTS "${triggerName(table, field, 'update')}" AFTER UPDATE OF id, body ON "${table}" WHEN ${changed} BEGIN ${clear('old')} ${fill} END`,
    `CREATE TRIGGER IF NOT EXISTS "${triggerName(table, field, 'delete')}" AFTER DELETE ON "${table}" BEGIN ${clear('old')} END`,
  ];
};

const createValuesTable = (db: Database.Database, table: string): void => {
  const values = valuesTable(table);
  db.exec(
    `CREATE TABLE IF NOT EXISTS "${values}" (field TEXT NOT NULL, value NOT NULL, id TEXT NOT NULL, PRIMARY KEY (field, value, id)) WITHOUT ROWID`,
  );
  db.exec(`CREATE INDEX IF NOT EXISTS "${values}__id" ON "${values}" (id, field)`);
};

const hasTrigger = (db: Database.Database, name: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(name) !==
  undefined;

/**
 * Creates the values table and triggers of an array field; when the triggers are new (a data
 * folder from before this index), fills the table from the documents already stored.
 */
export const ensureArrayIndex = (db: Database.Database, table: string, field: string): void => {
  db.transaction(() => {
    createValuesTable(db, table);
    if (hasTrigger(db, triggerName(table, field, 'insert'))) return;
    for (const sql of arrayTriggersSql(table, field)) db.exec(sql);
    const values = valuesTable(table);
    db.prepare(`DELETE FROM "${values}" WHERE field = ?`).run(field);
    db.exec(
      `INSERT OR IGNORE INTO "${values}" (field, value, id) SELECT '${field}', j.value, t.id FROM "${table}" AS t, json_each(t.body, '$.${field}') AS j WHERE j.type IN ${ELEMENT_TYPES}`,
    );
  }).immediate();
};

/** Index names keep the table they were created for: give the shadow's the live names. */
const renameIndexes = (db: Database.Database, from: string, to: string): void => {
  const indexes = db
    .prepare<[string], { name: string; sql: string | null }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
    )
    .all(to);
  for (const index of indexes) {
    if (!index.sql || !index.name.startsWith(`${from}__`)) continue;
    db.exec(`DROP INDEX "${index.name}"`);
    db.exec(
      index.sql
        .replace(`"${index.name}"`, `"${to}__${index.name.slice(from.length + 2)}"`)
        .replace(`"${from}"`, `"${to}"`),
    );
  }
};

/**
 * Moves a shadow table (with its values table, indexes and triggers) to the live name,
 * replacing the live one. Runs inside the caller's transaction.
 */
export const replaceTable = (db: Database.Database, shadow: string, live: string): void => {
  db.exec(`DROP TABLE IF EXISTS "${live}"`);
  db.exec(`DROP TABLE IF EXISTS "${valuesTable(live)}"`);
  db.exec(`ALTER TABLE "${shadow}" RENAME TO "${live}"`);
  renameIndexes(db, shadow, live);
  const shadowValues = valuesTable(shadow);
  const hasValues = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(shadowValues);
  if (hasValues) {
    db.exec(`ALTER TABLE "${shadowValues}" RENAME TO "${valuesTable(live)}"`);
    renameIndexes(db, shadowValues, valuesTable(live));
  }
  // The triggers came along with the table; recreate them under the live names.
  const triggers = db
    .prepare<[string], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
    )
    .all(live);
  const fields = new Set<string>();
  for (const { name } of triggers) {
    if (!name.startsWith(`${shadow}#`)) continue;
    db.exec(`DROP TRIGGER "${name}"`);
    fields.add(name.slice(shadow.length + 1).split('#')[0] ?? '');
  }
  for (const field of fields) {
    assertField(field);
    for (const sql of arrayTriggersSql(live, field)) db.exec(sql);
  }
};

export const dropTable = (db: Database.Database, table: string): void => {
  db.exec(`DROP TABLE IF EXISTS "${table}"`);
  db.exec(`DROP TABLE IF EXISTS "${valuesTable(table)}"`);
};
