import { createHash } from 'node:crypto';
import type { ClientBase } from 'pg';
import type { IndexSpec } from '../../document-store.port';
import type { IndexedFields } from './pg-pushdown';
import { assertField, elementsExpression, fieldExpression } from './pg-pushdown';

/**
 * The SQL behind collections and their declared indexes. A collection is a table
 * `doc_<name>` (id, JSONB body). A scalar or compound index is a B-tree on the fields' JSONB
 * expressions (then `id`, unless unique); an array field's is a GIN index on its elements.
 * Each index carries its declaration as a comment, so a process that never declared the
 * collection (an API reading what a projector writes) learns its indexed fields from the
 * catalog.
 */

const COLLECTION_NAME = /^[a-z][a-z0-9_]{0,48}$/;
const COMMENT_PREFIX = 'crm-documents:';

export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * `doc_<collection>`. Names are limited to 49 characters so the table and its index names
 * (`<table>__<8 hex digits>`) fit PostgreSQL's 63 bytes: a longer name would be truncated and
 * two collections could share a table.
 */
export const tableName = (collection: string): string => {
  if (!COLLECTION_NAME.test(collection)) throw new Error(`invalid collection name ${collection}`);
  return `doc_${collection}`;
};

type Declared = { kind: 'scalar'; fields: string[] } | { kind: 'array'; field: string };

export type IndexPlan = { name: string; sql: string; declared: Declared };

const indexName = (table: string, definition: string): string =>
  `${table}__${createHash('sha1').update(definition).digest('hex').slice(0, 8)}`;

/** What an index declaration means for a table; throws on a declaration it cannot honour. */
export const planIndex = (schema: string, table: string, index: IndexSpec): IndexPlan => {
  const on = `${quoteIdentifier(schema)}.${quoteIdentifier(table)}`;
  if (!('fields' in index) && index.array) {
    assertField(index.field);
    if (index.field.includes('.'))
      throw new Error(`array index field ${index.field} must be a top-level field`);
    if ((index as { unique?: boolean }).unique)
      throw new Error(`array index on ${index.field} cannot be unique`);
    // fastupdate off: new entries go straight into the index instead of a pending list that
    // every lookup scans unsorted until a vacuum merges it (and that made the planner prefer a
    // sequential scan on a freshly written collection). Writes pay for it, reads do not.
    const definition = `USING gin ((${elementsExpression(index.field)}) jsonb_path_ops) WITH (fastupdate = off)`;
    const name = indexName(table, definition);
    return {
      name,
      sql: `CREATE INDEX IF NOT EXISTS ${quoteIdentifier(name)} ON ${on} ${definition}`,
      declared: { kind: 'array', field: index.field },
    };
  }
  const fields = 'fields' in index ? [...index.fields] : [index.field];
  if (fields.length === 0) throw new Error('a compound index needs at least one field');
  fields.forEach(assertField);
  // `id` ends a non-unique index, so ORDER BY …, id (the paging tie-breaker) reads it in order.
  const columns = [
    ...fields.map((field) => `${fieldExpression(field)} NULLS FIRST`),
    ...(index.unique ? [] : ['id']),
  ];
  const definition = `(${columns.join(', ')})`;
  const name = indexName(table, `${index.unique ? 'unique ' : ''}${definition}`);
  return {
    name,
    sql: `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${quoteIdentifier(name)} ON ${on} ${definition}`,
    declared: { kind: 'scalar', fields },
  };
};

export const createTableSql = (schema: string, table: string): string =>
  `CREATE TABLE IF NOT EXISTS ${quoteIdentifier(schema)}.${quoteIdentifier(table)} (
     id text COLLATE "C" NOT NULL,
     body jsonb NOT NULL,
     CONSTRAINT ${quoteIdentifier(`${table}__pk`)} PRIMARY KEY (id))`;

/** Creates an index (if missing) and records its declaration on it. */
export const createIndex = async (
  client: ClientBase,
  schema: string,
  plan: IndexPlan,
): Promise<void> => {
  await client.query(plan.sql);
  const comment = `${COMMENT_PREFIX}${JSON.stringify(plan.declared)}`;
  // The comment holds field names (FIELD_NAME) and JSON punctuation only: no quote to escape.
  await client.query(
    `COMMENT ON INDEX ${quoteIdentifier(schema)}.${quoteIdentifier(plan.name)} IS '${comment}'`,
  );
};

export type TableCatalog = { fields: IndexedFields; indexes: ReadonlySet<string> };

/**
 * A table's index names and indexed fields (from its indexes' comments); null when the table
 * is missing. A plain catalog read: no lock that writers would wait for.
 */
export const catalogOf = async (
  client: ClientBase,
  schema: string,
  table: string,
): Promise<TableCatalog | null> => {
  const { rows } = await client.query<{
    exists: boolean;
    name: string | null;
    comment: string | null;
  }>(
    `SELECT to_regclass($1) IS NOT NULL AS exists, c.relname AS name,
            obj_description(i.indexrelid, 'pg_class') AS comment
       FROM (SELECT 1) AS one
       LEFT JOIN pg_index AS i ON i.indrelid = to_regclass($1)
       LEFT JOIN pg_class AS c ON c.oid = i.indexrelid`,
    [`${quoteIdentifier(schema)}.${quoteIdentifier(table)}`],
  );
  if (!rows[0]?.exists) return null;
  const scalar = new Set<string>();
  const array = new Set<string>();
  const indexes = new Set<string>();
  for (const { name, comment } of rows) {
    if (name) indexes.add(name);
    if (!comment?.startsWith(COMMENT_PREFIX)) continue;
    const declared = JSON.parse(comment.slice(COMMENT_PREFIX.length)) as Declared;
    if (declared.kind === 'array') array.add(declared.field);
    else declared.fields.forEach((field) => scalar.add(field));
  }
  return { fields: { scalar, array }, indexes };
};

/**
 * Replaces the live table by the shadow one, inside the caller's transaction. Index (and
 * primary key) names start with their table's name: they are renamed with it, so the next
 * shadow of that name can create its own.
 */
export const replaceTable = async (
  client: ClientBase,
  schema: string,
  shadow: string,
  live: string,
): Promise<void> => {
  const qualified = (name: string) => `${quoteIdentifier(schema)}.${quoteIdentifier(name)}`;
  await client.query(`DROP TABLE IF EXISTS ${qualified(live)}`);
  await client.query(`ALTER TABLE ${qualified(shadow)} RENAME TO ${quoteIdentifier(live)}`);
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid
      WHERE i.indrelid = to_regclass($1)`,
    [qualified(live)],
  );
  for (const { name } of rows) {
    if (!name.startsWith(`${shadow}__`)) continue;
    const renamed = `${live}__${name.slice(shadow.length + 2)}`;
    await client.query(`ALTER INDEX ${qualified(name)} RENAME TO ${quoteIdentifier(renamed)}`);
  }
};
