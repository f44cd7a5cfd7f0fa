import type {
  Filter,
  FindOptions,
  IndexSpec,
  Pipeline,
  Sort,
  Update,
} from '../../document-store.port';
import type { CursorCodec } from '../../cursor';
import { afterCursorFilter, totalSort } from '../../cursor';

export const DEFAULT_DATABASE = 'crm';
export const CHECKPOINTS_COLLECTION = 'checkpoints';
/** Swaps begun and not yet finished (see mongo-swap.ts). */
export const SWAPS_COLLECTION = 'checkpoints_swaps';
const COLLECTION_NAME = /^[a-z][a-z0-9_]{0,62}$/;
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const DATABASE_NAME = /^[A-Za-z0-9_-]{1,63}$/;
/** Server-side JavaScript and stages that write elsewhere have no place in a read-model query. */
const FORBIDDEN_OPERATORS = new Set(['$where', '$function', '$accumulator', '$out', '$merge']);
const UPDATE_OPERATORS = new Set(['$set', '$unset', '$inc']);

/** Same names as the embedded store accepts; `checkpoints` and `checkpoints_swaps` are ours. */
export const assertCollectionName = (name: string): void => {
  if (!COLLECTION_NAME.test(name) || name === CHECKPOINTS_COLLECTION || name === SWAPS_COLLECTION) {
    throw new Error(`invalid collection name ${name}`);
  }
};

export const assertFieldPath = (path: string): void => {
  if (!FIELD_PATH.test(path)) throw new Error(`invalid field ${path}`);
};

export const assertSafeQuery = (value: unknown): void => {
  if (Array.isArray(value)) {
    value.forEach(assertSafeQuery);
    return;
  }
  if (!value || typeof value !== 'object' || value instanceof Date || value instanceof RegExp)
    return;
  for (const [key, nested] of Object.entries(value)) {
    if (FORBIDDEN_OPERATORS.has(key)) throw new Error(`operator ${key} is not allowed`);
    assertSafeQuery(nested);
  }
};

/**
 * The MongoDB index for a declared one: ascending keys; an array field is an ordinary key
 * (MongoDB makes it multikey); a non-unique compound index ends with `_id`, so a sort with the
 * `_id` tie-breaker is read from the index instead of sorted in memory.
 */
export const indexKeys = (index: IndexSpec): { keys: Record<string, 1>; unique: boolean } => {
  const unique = index.unique === true;
  if ('fields' in index) {
    if (index.fields.length === 0) throw new Error('a compound index needs at least one field');
    index.fields.forEach(assertFieldPath);
    const fields = unique ? [...index.fields] : [...index.fields, '_id'];
    return { keys: Object.fromEntries(fields.map((field) => [field, 1 as const])), unique };
  }
  const { field } = index;
  assertFieldPath(field);
  if (index.array && field.includes('.'))
    throw new Error(`array index field ${field} must be a top-level field`);
  if (index.array && unique) throw new Error(`array index on ${field} cannot be unique`);
  return { keys: { [field]: 1 }, unique };
};

/** The database named in the URL path (`mongodb://host/crm?...`), else `crm`. */
export const databaseNameFromUrl = (url: string): string => {
  const match = /^mongodb(?:\+srv)?:\/\/[^/?]*\/?([^?]*)/.exec(url);
  if (!match) throw new Error('MongoDB URL must start with mongodb:// or mongodb+srv://');
  const name = decodeURIComponent(match[1] ?? '');
  if (name === '') return DEFAULT_DATABASE;
  if (!DATABASE_NAME.test(name)) throw new Error(`invalid database name ${name}`);
  return name;
};

/** Transactions need a replica set member (`setName`) or a mongos router. */
export const supportsTransactions = (hello: Record<string, unknown>): boolean =>
  typeof hello.setName === 'string' || hello.msg === 'isdbgrid';

type MongoUpdate = {
  $set?: Record<string, unknown>;
  $unset?: Record<string, ''>;
  $inc?: Record<string, number>;
};

/** The port's update as a MongoDB update; null when it changes nothing. */
export const toMongoUpdate = (update: Update): MongoUpdate | null => {
  const result: MongoUpdate = {};
  for (const [operator, fields] of Object.entries(update)) {
    if (!UPDATE_OPERATORS.has(operator))
      throw new Error(`update operator ${operator} is not supported`);
    for (const [path, value] of Object.entries((fields ?? {}) as Record<string, unknown>)) {
      assertFieldPath(path);
      if (path === '_id' || path.startsWith('_id.')) throw new Error('_id cannot be updated');
      if (operator === '$set') (result.$set ??= {})[path] = value;
      if (operator === '$unset') (result.$unset ??= {})[path] = '';
      if (operator === '$inc') {
        if (typeof value !== 'number' || !Number.isFinite(value))
          throw new Error(`$inc of ${path} needs a number`);
        (result.$inc ??= {})[path] = value;
      }
    }
  }
  return Object.keys(result).length > 0 ? result : null;
};

/** Matches the stored document only if it is older than `position` (or carries none). */
export const olderThanFilter = (id: string, position: number): Filter => ({
  _id: id,
  $or: [{ _position: { $lt: position } }, { _position: { $exists: false } }],
});

/**
 * The update that moves a checkpoint only if it is where the writer last saw it. `null`
 * expects none: the filter cannot match an existing one, so the upsert's insert collides on
 * `_id` (duplicate key) instead. No match and no upsert, or that collision, means it moved.
 */
export const checkpointMove = (
  name: string,
  position: number,
  expected: number | null | undefined,
  now: Date,
): { filter: Filter; update: { $set: { position: number; updatedAt: Date } }; upsert: boolean } => {
  const update = { $set: { position, updatedAt: now } };
  if (expected === undefined) return { filter: { _id: name }, update, upsert: true };
  if (expected === null)
    return { filter: { _id: name, position: { $exists: false } }, update, upsert: true };
  return { filter: { _id: name, position: expected }, update, upsert: false };
};

/** Sort, limit and keyset cursor as the embedded adapter pages, as one MongoDB query. */
export const pageQuery = (
  filter: Filter,
  options: FindOptions,
  cursors: CursorCodec,
): { filter: Filter; sort: Sort; limit: number } => {
  assertSafeQuery(filter);
  const sort = totalSort(options.sort);
  Object.keys(sort).forEach(assertFieldPath);
  const limit = options.limit ?? 1000;
  if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`invalid limit ${limit}`);
  const query = options.cursor
    ? { $and: [filter, afterCursorFilter(sort, cursors.decode(sort, options.cursor))] }
    : filter;
  return { filter: query, sort, limit };
};

export const assertSafePipeline = (pipeline: Pipeline): void => assertSafeQuery(pipeline);
