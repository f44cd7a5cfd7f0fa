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

/** The one update trigger of a table's array fields (no field name: `#` splits those). */
const updateTrigger = (table: string): string => `${table}#update`;

/**
 * The triggers that keep the array elements of `fields`, by name. Writes are upserts, so a
 * replaced document fires the update trigger, which does nothing unless an array changed (most
 * updates leave a profile's tags and hashes as they were). It is one trigger for all fields:
 * SQLite parses a JSON body once per trigger program and reuses it for the other fields' paths,
 * where one trigger per field parsed the old and new body again for each field (a 5-7 kB
 * profile with two array fields, upserts without commit: 59 -> 47 µs in memory, about 78 -> 75
 * µs on a WAL file with secure_delete; busy 2-core machine). The insert trigger still clears what an
 * earlier row of that id may have left: an INSERT OR REPLACE deletes the old row without firing
 * delete triggers (recursive_triggers is off). Stored as written here, without IF NOT EXISTS,
 * so ensureArrayIndexes can tell an outdated definition from sqlite_master.
 */
export const arrayTriggersSql = (table: string, fields: readonly string[]): Map<string, string> => {
  const values = valuesTable(table);
  const clear = (row: 'new' | 'old', field: string) =>
    `DELETE FROM "${values}" WHERE id = ${row}.id AND field = '${field}';`;
  const fill = (field: string) =>
    `INSERT OR IGNORE INTO "${values}" (field, value, id) ${elementsOf('new', field)};`;
  const sorted = [...new Set(fields)].sort();
  const triggers = new Map<string, string>();
  for (const field of sorted) {
    assertField(field);
    const insert = triggerName(table, field, 'insert');
    const remove = triggerName(table, field, 'delete');
    triggers.set(
      insert,
      `CREATE TRIGGER "${insert}" AFTER INSERT ON "${table}" BEGIN ${clear('new', field)} ${fill(field)} END`,
    );
    triggers.set(
      remove,
      `CREATE TRIGGER "${remove}" AFTER DELETE ON "${table}" BEGIN ${clear('old', field)} END`,
    );
  }
  if (sorted.length > 0) {
    const changed = sorted
      .map((f) => `json_extract(old.body, '$.${f}') IS NOT json_extract(new.body, '$.${f}')`)
      .join(' OR ');
    const resync = sorted.map((f) => `${clear('old', f)} ${fill(f)}`).join(' ');
    const update = updateTrigger(table);
    triggers.set(
      update,
      `CREATE TRIGGER "${update}" AFTER UPDATE OF id, body ON "${table}" WHEN old.id IS NOT new.id OR ${changed} BEGIN ${resync} END`,
    );
  }
  return triggers;
};

const createValuesTable = (db: Database.Database, table: string): void => {
  const values = valuesTable(table);
  db.exec(
    `CREATE TABLE IF NOT EXISTS "${values}" (field TEXT NOT NULL, value NOT NULL, id TEXT NOT NULL, PRIMARY KEY (field, value, id)) WITHOUT ROWID`,
  );
  db.exec(`CREATE INDEX IF NOT EXISTS "${values}__id" ON "${values}" (id, field)`);
};

/** The triggers on `table` named by this module (`<table>#…`), with their stored SQL. */
const triggersOf = (db: Database.Database, table: string): Map<string, string> =>
  new Map(
    db
      .prepare<[string], { name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
      )
      .all(table)
      .filter(({ name }) => name.startsWith(`${table}#`))
      .map(({ name, sql }) => [name, sql]),
  );

/** The array fields whose elements a table's triggers keep (one insert trigger per field). */
const arrayFieldsOf = (triggers: Map<string, string>, table: string): string[] =>
  [...triggers.keys()]
    .map((name) => name.slice(table.length + 1).split('#'))
    .filter((parts) => parts.length === 2 && parts[1] === 'insert')
    .map((parts) => parts[0] ?? '');

const refill = (db: Database.Database, table: string, field: string): void => {
  const values = valuesTable(table);
  db.prepare(`DELETE FROM "${values}" WHERE field = ?`).run(field);
  db.exec(
    `INSERT OR IGNORE INTO "${values}" (field, value, id) SELECT '${field}', j.value, t.id FROM "${table}" AS t, json_each(t.body, '$.${field}') AS j WHERE j.type IN ${ELEMENT_TYPES}`,
  );
};

/**
 * Creates the values table and triggers of array fields (with those the table already keeps).
 * A trigger whose stored definition differs from this code's (a data folder from an older
 * version: CREATE … IF NOT EXISTS never replaced those) is dropped and created anew, and so is
 * one this code no longer makes (the old per-field update triggers). A field new to the table
 * is filled from the documents already stored; so are all fields when a definition changed for
 * another reason than new fields, as the old triggers may have kept them differently.
 */
export const ensureArrayIndexes = (
  db: Database.Database,
  table: string,
  fields: readonly string[],
): void => {
  fields.forEach(assertField);
  db.transaction(() => {
    createValuesTable(db, table);
    const existing = triggersOf(db, table);
    const kept = arrayFieldsOf(existing, table);
    const added = fields.filter((field) => !kept.includes(field));
    const all = [...kept, ...added];
    const wanted = arrayTriggersSql(table, all);
    let outdated = false;
    for (const [name, sql] of existing) {
      if (wanted.get(name) === sql) continue;
      db.exec(`DROP TRIGGER "${name}"`);
      if (name !== updateTrigger(table) || added.length === 0) outdated = true;
    }
    for (const [name, sql] of wanted) if (existing.get(name) !== sql) db.exec(sql);
    for (const field of outdated ? all : added) refill(db, table, field);
  }).immediate();
};

/** One array field: see ensureArrayIndexes. */
export const ensureArrayIndex = (db: Database.Database, table: string, field: string): void =>
  ensureArrayIndexes(db, table, [field]);

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
    const parts = name.slice(shadow.length + 1).split('#');
    if (parts.length === 2) fields.add(parts[0] ?? '');
  }
  for (const sql of arrayTriggersSql(live, [...fields]).values()) db.exec(sql);
};

export const dropTable = (db: Database.Database, table: string): void => {
  db.exec(`DROP TABLE IF EXISTS "${table}"`);
  db.exec(`DROP TABLE IF EXISTS "${valuesTable(table)}"`);
};
