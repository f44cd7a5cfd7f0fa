import type { Filter, Sort } from '../../document-store.port';

type Scalar = string | number;
const isScalar = (value: unknown): value is Scalar =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

const OPERATORS: Record<string, string> = { $eq: '=', $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/** More `$in` values than this on an array field are left to mingo (one containment per value). */
const ARRAY_IN_LIMIT = 100;

export const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export const assertField = (field: string): void => {
  if (!FIELD_NAME.test(field)) throw new Error(`invalid index field ${field}`);
};

/**
 * The SQL expression of a field: the `id` column for `_id`, a JSONB path otherwise. Field
 * names match FIELD_NAME (letters, digits, `_`, dots), so they are safe as SQL literals. An
 * index and a query must spell the expression the same way for PostgreSQL to match them.
 */
export const fieldExpression = (field: string): string =>
  field === '_id'
    ? 'id'
    : `(body${field
        .split('.')
        .map((key) => `->'${key}'`)
        .join('')})`;

/**
 * The elements of a top-level array field as a JSONB array: lax `[*]` unwraps one array level
 * and wraps a scalar, so `@> '["vip"]'` matches `"vip"` and `["vip", "new"]` but not
 * `[["vip"]]`, as MongoDB's equality on an array field does. Immutable, hence indexable (GIN).
 */
export const elementsExpression = (field: string): string =>
  `jsonb_path_query_array(body, '$."${field}"[*]')`;

/** Fields SQL may evaluate for a collection (from its declared indexes). */
export type IndexedFields = { scalar: ReadonlySet<string>; array: ReadonlySet<string> };

/** Numbered parameters of one statement. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

export type SqlWhere = { clauses: string[]; complete: boolean };

/** A field's operand as SQL: text for `id`, JSONB otherwise; null when SQL cannot compare it. */
const operand = (field: string, value: Scalar, params: SqlParams): string | null => {
  if (field === '_id') return typeof value === 'string' ? params.add(value) : null;
  return params.add(JSON.stringify(value), '::jsonb');
};

const listOperand = (field: string, values: Scalar[], params: SqlParams): string | null => {
  if (field === '_id')
    return values.every((v) => typeof v === 'string') ? params.add(values, '::text[]') : null;
  return params.add(
    values.map((v) => JSON.stringify(v)),
    '::jsonb[]',
  );
};

/**
 * JSONB orders types (null < strings < numbers < booleans < arrays < objects); MongoDB compares
 * a range only within the operand's type, so a range clause also names the type.
 */
const sameType = (field: string, value: Scalar): string[] =>
  field === '_id'
    ? []
    : [
        `jsonb_typeof(${fieldExpression(field)}) = '${typeof value === 'number' ? 'number' : 'string'}'`,
      ];

const scalarCondition = (
  field: string,
  condition: unknown,
  where: SqlWhere,
  params: SqlParams,
): void => {
  const expression = fieldExpression(field);
  const operators =
    condition && typeof condition === 'object' && !Array.isArray(condition)
      ? Object.entries(condition as Record<string, unknown>)
      : [['$eq', condition] as const];
  for (const [operator, value] of operators) {
    const sql = OPERATORS[operator];
    if (sql && isScalar(value)) {
      const bound = operand(field, value, params);
      if (bound === null) where.complete = false;
      else {
        where.clauses.push(`${expression} ${sql} ${bound}`);
        if (sql !== '=') where.clauses.push(...sameType(field, value));
      }
    } else if (operator === '$in' && Array.isArray(value) && value.every(isScalar)) {
      const bound = listOperand(field, value, params);
      if (bound === null) where.complete = false;
      else where.clauses.push(`${expression} = ANY(${bound})`);
    } else {
      where.complete = false;
    }
  }
};

/** Equality and `$in` on an array field: any element (or the scalar itself) matches. */
const arrayCondition = (
  field: string,
  condition: unknown,
  where: SqlWhere,
  params: SqlParams,
): void => {
  const contains = (value: Scalar) =>
    `${elementsExpression(field)} @> ${params.add(JSON.stringify([value]), '::jsonb')}`;
  const operators =
    condition && typeof condition === 'object' && !Array.isArray(condition)
      ? Object.entries(condition as Record<string, unknown>)
      : [['$eq', condition] as const];
  for (const [operator, value] of operators) {
    if (operator === '$eq' && isScalar(value)) where.clauses.push(contains(value));
    else if (
      operator === '$in' &&
      Array.isArray(value) &&
      value.length <= ARRAY_IN_LIMIT &&
      value.every(isScalar)
    )
      where.clauses.push(value.length ? `(${value.map(contains).join(' OR ')})` : 'false');
    else where.complete = false;
  }
};

/**
 * Pushes equality, range and `$in` conditions on indexed scalar fields (and `_id`), and
 * equality and `$in` on indexed array fields, down to SQL. The SQL only narrows the rows; mingo
 * still evaluates the whole filter unless `complete` says SQL alone decides it.
 */
export const pushDown = (filter: Filter, indexed: IndexedFields, params: SqlParams): SqlWhere => {
  const where: SqlWhere = { clauses: [], complete: true };
  for (const [field, condition] of Object.entries(filter)) {
    if (indexed.array.has(field)) arrayCondition(field, condition, where, params);
    else if (field === '_id' || indexed.scalar.has(field))
      scalarCondition(field, condition, where, params);
    else where.complete = false;
  }
  return where;
};

const sortable = (field: string, indexed: IndexedFields): boolean =>
  field === '_id' || (indexed.scalar.has(field) && !indexed.array.has(field));

/**
 * ORDER BY for a sort in one direction on indexed scalar fields (or `_id`); null when SQL
 * cannot sort it. A missing field sorts first ascending, as in MongoDB; indexes are built
 * `NULLS FIRST` so both directions read them in order.
 */
export const orderBy = (sort: Sort, indexed: IndexedFields): string | null => {
  const entries = Object.entries(sort);
  if (new Set(entries.map(([, direction]) => direction)).size > 1) return null;
  if (!entries.every(([field]) => sortable(field, indexed))) return null;
  return entries
    .map(([field, direction]) => {
      const expression = fieldExpression(field);
      if (field === '_id') return `${expression} ${direction === 1 ? 'ASC' : 'DESC'}`;
      return `${expression} ${direction === 1 ? 'ASC NULLS FIRST' : 'DESC NULLS LAST'}`;
    })
    .join(', ');
};

/**
 * Rows strictly after a page's last one, in the order of `orderBy` (one direction): a row
 * comparison, with the first field's bound repeated alone so the index range starts there.
 * Null when a value cannot be bound (a missing or non-scalar sort value).
 */
export const afterKeyset = (
  sort: Sort,
  values: readonly unknown[],
  params: SqlParams,
): string[] | null => {
  const fields = Object.keys(sort);
  if (fields.length === 0 || values.length !== fields.length || !values.every(isScalar))
    return null;
  const bound: string[] = [];
  for (const [i, field] of fields.entries()) {
    const value = operand(field, values[i] as Scalar, params);
    if (value === null) return null;
    bound.push(value);
  }
  const ascending = Object.values(sort)[0] === 1;
  const expressions = fields.map(fieldExpression);
  return [
    `${expressions[0] ?? 'id'} ${ascending ? '>=' : '<='} ${bound[0] ?? ''}`,
    `(${expressions.join(', ')}) ${ascending ? '>' : '<'} (${bound.join(', ')})`,
  ];
};

export const sqlWhere = (clauses: readonly string[]): string =>
  clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';

export type FindPlan =
  /** Rows in sort order from the cursor on; `complete`: the SQL alone decides the filter. */
  | { kind: 'ordered'; sql: string; params: unknown[]; complete: boolean }
  /** SQL narrows; mingo filters, sorts and pages the candidates. */
  | { kind: 'mingo'; sql: string; params: unknown[] };

/**
 * How a page is read: in SQL order whenever SQL can sort and continue after the cursor (the
 * keyset `values` of `encodeCursor`, one per sort field), else by mingo over the narrowed rows.
 * `table` is the quoted, schema-qualified table.
 */
export const planFind = (
  table: string,
  filter: Filter,
  sort: Sort,
  cursorValues: readonly unknown[] | null,
  indexed: IndexedFields,
): FindPlan => {
  const params = new SqlParams();
  const where = pushDown(filter, indexed, params);
  const order = orderBy(sort, indexed);
  if (order) {
    const keyset = cursorValues ? afterKeyset(sort, cursorValues, params) : [];
    if (keyset)
      return {
        kind: 'ordered',
        sql: `SELECT body FROM ${table} ${sqlWhere([...where.clauses, ...keyset])} ORDER BY ${order}`,
        params: params.values,
        complete: where.complete,
      };
  }
  const narrowing = new SqlParams();
  return {
    kind: 'mingo',
    sql: `SELECT body FROM ${table} ${sqlWhere(pushDown(filter, indexed, narrowing).clauses)}`,
    params: narrowing.values,
  };
};
