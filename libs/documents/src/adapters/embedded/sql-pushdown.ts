import type { Filter, Sort } from '../../document-store.port';

type Scalar = string | number;
const isScalar = (value: unknown): value is Scalar =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

const OPERATORS: Record<string, string> = { $eq: '=', $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

export type SqlQuery = { sql: string; params: Scalar[] };

export type SqlWhere = {
  clauses: string[];
  params: Scalar[];
  complete: boolean;
  /** The id lookups of array field conditions (each selects matching ids). */
  elements: SqlQuery[];
};

/**
 * What SQL may evaluate for a collection: `scalar` fields (single or compound expression
 * indexes), `array` fields (their elements in the `values` table, see sql-indexes.ts).
 */
export type IndexedFields = {
  scalar: ReadonlySet<string>;
  array: ReadonlySet<string>;
  /** The table of array elements: (field, value, id). */
  values: string;
};

/**
 * The body of a row as JSON text. Bodies are stored as JSONB (SQLite's binary JSON: its paths
 * are read without parsing the whole document, which every expression index and array trigger
 * does on each write: a 5.5 kB profile with its 7 indexes, 106 -> 88 µs per upsert in commits of
 * 500, busy 2-core machine; json() adds 1-2 µs to a read). Rows written before that are text,
 * read as they are, and become JSONB when next written.
 */
export const BODY = "iif(typeof(body) = 'blob', json(body), body) AS body";

/** The SQL expression of a field: the primary key column for `_id`, a JSON path otherwise. */
export const fieldExpression = (field: string): string =>
  field === '_id' ? 'id' : `json_extract(body, '$.${field}')`;

export const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** One value or a list, bound as a single JSON parameter so any list length is one statement. */
const inList = (operand: Scalar[]): { sql: string; param: string } => ({
  sql: 'IN (SELECT value FROM json_each(?))',
  param: JSON.stringify(operand),
});

const scalarCondition = (field: string, condition: unknown, where: SqlWhere): void => {
  const expression = fieldExpression(field);
  if (isScalar(condition)) {
    where.clauses.push(`${expression} = ?`);
    where.params.push(condition);
    return;
  }
  if (!condition || typeof condition !== 'object' || Array.isArray(condition)) {
    where.complete = false;
    return;
  }
  for (const [operator, operand] of Object.entries(condition as Record<string, unknown>)) {
    const sql = OPERATORS[operator];
    if (sql && isScalar(operand)) {
      where.clauses.push(`${expression} ${sql} ?`);
      where.params.push(operand);
    } else if (operator === '$in' && Array.isArray(operand) && operand.every(isScalar)) {
      const list = inList(operand);
      where.clauses.push(`${expression} ${list.sql}`);
      where.params.push(list.param);
    } else {
      where.complete = false;
    }
  }
};

/** Equality and `$in` on an array field: any element (or the scalar itself) matches. */
const arrayCondition = (
  field: string,
  condition: unknown,
  values: string,
  where: SqlWhere,
  lookUp: boolean,
): void => {
  const elements = (sql: string): string => {
    const select = `SELECT id FROM "${values}" WHERE field = '${field}' AND value ${sql}`;
    where.elements.push({ sql: select, params: where.params.slice(-1) });
    // `+id` keeps SQLite from looking the ids up, so it walks the sort order instead.
    return `${lookUp ? '' : '+'}id IN (${select})`;
  };
  const operators =
    condition && typeof condition === 'object' && !Array.isArray(condition)
      ? Object.entries(condition as Record<string, unknown>)
      : [['$eq', condition] as const];
  for (const [operator, operand] of operators) {
    if (operator === '$eq' && isScalar(operand)) {
      where.params.push(operand);
      where.clauses.push(elements('= ?'));
    } else if (operator === '$in' && Array.isArray(operand) && operand.every(isScalar)) {
      const list = inList(operand);
      where.params.push(list.param);
      where.clauses.push(elements(list.sql));
    } else {
      where.complete = false;
    }
  }
};

/**
 * Pushes equality, range and `$in` conditions on indexed scalar fields, and equality and `$in`
 * on indexed array fields, down to SQL. The SQL only narrows the rows; mingo still evaluates
 * the whole filter, so pushing down is always safe. `complete` says the SQL alone decides the
 * filter (then sort and limit can go too). `lookUp: false` writes array conditions so SQLite
 * does not drive the query by them (see planFind).
 */
export const pushDown = (filter: Filter, indexed: IndexedFields, lookUp = true): SqlWhere => {
  const where: SqlWhere = { clauses: [], params: [], complete: true, elements: [] };
  for (const [field, condition] of Object.entries(filter)) {
    if (indexed.array.has(field)) arrayCondition(field, condition, indexed.values, where, lookUp);
    else if (field === '_id' || indexed.scalar.has(field)) scalarCondition(field, condition, where);
    else where.complete = false;
  }
  return where;
};

const sortable = (field: string, indexed: IndexedFields): boolean =>
  field === '_id' || (indexed.scalar.has(field) && !indexed.array.has(field));

/**
 * ORDER BY for a sort in one direction whose every field is an indexed scalar (or `_id`);
 * null when SQL cannot sort it.
 */
export const orderBy = (sort: Sort, indexed: IndexedFields): string | null => {
  const entries = Object.entries(sort);
  if (new Set(entries.map(([, direction]) => direction)).size > 1) return null;
  if (!entries.every(([field]) => sortable(field, indexed))) return null;
  return entries
    .map(([field, direction]) => `${fieldExpression(field)} ${direction === 1 ? 'ASC' : 'DESC'}`)
    .join(', ');
};

/**
 * Rows strictly after a page's last one, in the order of `orderBy` (one direction). The row
 * value comparison is exact; the leading `>=` on the first field lets SQLite start an index
 * range scan there instead of filtering from the top. Null when a value cannot be bound.
 */
export const afterKeyset = (
  sort: Sort,
  values: readonly unknown[],
): { clauses: string[]; params: Scalar[] } | null => {
  const fields = Object.keys(sort);
  if (fields.length === 0 || values.length !== fields.length || !values.every(isScalar))
    return null;
  const ascending = Object.values(sort)[0] === 1;
  const expressions = fields.map(fieldExpression);
  return {
    clauses: [
      `${expressions[0] ?? 'id'} ${ascending ? '>=' : '<='} ?`,
      `(${expressions.join(', ')}) ${ascending ? '>' : '<'} (${expressions.map(() => '?').join(', ')})`,
    ],
    params: [values[0] as Scalar, ...values],
  };
};

export const sqlWhere = (clauses: readonly string[]): string =>
  clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';

/** The rows of a page in sort order from the cursor on; the caller adds LIMIT or streams. */
export const orderedSelect = (
  table: string,
  where: Pick<SqlWhere, 'clauses' | 'params'>,
  order: string,
  keyset: { clauses: string[]; params: Scalar[] } | null,
): { sql: string; params: Scalar[] } => ({
  sql: `SELECT ${BODY} FROM "${table}" ${sqlWhere([...where.clauses, ...(keyset?.clauses ?? [])])} ORDER BY ${order}`,
  params: [...where.params, ...(keyset?.params ?? [])],
});

/** Matches of an array condition from which walking the sort order beats sorting them. */
export const ELEMENTS_TO_WALK = 1000;

export type FindPlan =
  /** SQL reads rows in sort order from the cursor on; `complete`: the SQL decides the filter. */
  | {
      kind: 'ordered';
      sql: string;
      params: Scalar[];
      complete: boolean;
      /**
       * With array conditions, SQL looks their matches up and sorts them all; when they are
       * many (`probe` selects at least ELEMENTS_TO_WALK ids), walking the sort order and
       * checking each row reads far fewer rows.
       */
      bySortOrder: (SqlQuery & { probe: SqlQuery }) | null;
    }
  /** SQL narrows; mingo filters, sorts and pages the candidates. */
  | { kind: 'mingo'; sql: string; params: Scalar[] };

/**
 * How a page is read: in SQL order whenever SQL can sort and continue after the cursor (the
 * keyset `values` of a decoded cursor, one per sort field), else by mingo over the narrowed rows.
 */
export const planFind = (
  table: string,
  filter: Filter,
  sort: Sort,
  cursorValues: readonly unknown[] | null,
  indexed: IndexedFields,
): FindPlan => {
  const where = pushDown(filter, indexed);
  const order = orderBy(sort, indexed);
  const keyset = cursorValues ? afterKeyset(sort, cursorValues) : null;
  if (order && (!cursorValues || keyset)) {
    const [probe] = where.elements;
    return {
      kind: 'ordered',
      ...orderedSelect(table, where, order, keyset),
      complete: where.complete,
      bySortOrder: probe
        ? { ...orderedSelect(table, pushDown(filter, indexed, false), order, keyset), probe }
        : null,
    };
  }
  return {
    kind: 'mingo',
    sql: `SELECT ${BODY} FROM "${table}" ${sqlWhere(where.clauses)}`,
    params: where.params,
  };
};
