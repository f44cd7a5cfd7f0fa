import type { Filter, Sort } from '../../document-store.port';

type Scalar = string | number;
const isScalar = (value: unknown): value is Scalar =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

const OPERATORS: Record<string, string> = { $eq: '=', $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

export type SqlWhere = { clauses: string[]; params: Scalar[]; complete: boolean };

/** The SQL expression of a field: the primary key column for `_id`, a JSON path otherwise. */
export const fieldExpression = (field: string): string =>
  field === '_id' ? 'id' : `json_extract(body, '$.${field}')`;

export const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * Pushes equality, range and `$in` conditions on indexed scalar fields down to SQL. The SQL
 * only narrows the rows; mingo still evaluates the whole filter, so pushing down is always
 * safe. `complete` says the SQL alone decides the filter (then sort and limit can go too).
 */
export const pushDown = (filter: Filter, indexed: ReadonlySet<string>): SqlWhere => {
  const where: SqlWhere = { clauses: [], params: [], complete: true };
  for (const [field, condition] of Object.entries(filter)) {
    if (!(field === '_id' || indexed.has(field))) {
      where.complete = false;
      continue;
    }
    const expression = fieldExpression(field);
    if (isScalar(condition)) {
      where.clauses.push(`${expression} = ?`);
      where.params.push(condition);
      continue;
    }
    if (!condition || typeof condition !== 'object' || Array.isArray(condition)) {
      where.complete = false;
      continue;
    }
    for (const [operator, operand] of Object.entries(condition as Record<string, unknown>)) {
      const sql = OPERATORS[operator];
      if (sql && isScalar(operand)) {
        where.clauses.push(`${expression} ${sql} ?`);
        where.params.push(operand);
      } else if (operator === '$in' && Array.isArray(operand) && operand.every(isScalar)) {
        where.clauses.push(
          operand.length === 0 ? '0' : `${expression} IN (${operand.map(() => '?').join(',')})`,
        );
        where.params.push(...operand);
      } else {
        where.complete = false;
      }
    }
  }
  return where;
};

/** ORDER BY for a sort whose every field is indexed (or `_id`); null when SQL cannot sort it. */
export const orderBy = (sort: Sort, indexed: ReadonlySet<string>): string | null => {
  const parts: string[] = [];
  for (const [field, direction] of Object.entries(sort)) {
    if (!(field === '_id' || indexed.has(field))) return null;
    parts.push(`${fieldExpression(field)} ${direction === 1 ? 'ASC' : 'DESC'}`);
  }
  return parts.join(', ');
};
