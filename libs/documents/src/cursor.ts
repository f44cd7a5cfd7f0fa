import type { Document, Filter, Sort } from './document-store.port';

/** The keyset a page ended on: the sort field values and the `_id` of its last document. */
type CursorState = { values: unknown[]; id: string };

export const encodeCursor = (sort: Sort, last: Document): string =>
  Buffer.from(
    JSON.stringify({
      values: Object.keys(sort).map((field) => readPath(last, field)),
      id: last._id,
    }),
  ).toString('base64url');

export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  constructor() {
    super('cursor is not one this server issued');
  }
}

export const decodeCursor = (cursor: string): CursorState => {
  try {
    const state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorState;
    if (!Array.isArray(state.values) || typeof state.id !== 'string')
      throw new InvalidCursorError();
    return state;
  } catch {
    throw new InvalidCursorError();
  }
};

/** The filter selecting documents strictly after the cursor; `sort` must end with `_id` (see totalSort). */
export const afterCursorFilter = (sort: Sort, cursor: CursorState): Filter => {
  const fields = Object.entries(sort);
  const branches: Filter[] = [];
  fields.forEach(([field, direction], i) => {
    const equal: Filter = {};
    fields.slice(0, i).forEach(([previous], j) => (equal[previous] = cursor.values[j] ?? null));
    branches.push({
      ...equal,
      [field]: { [direction === 1 ? '$gt' : '$lt']: cursor.values[i] ?? null },
    });
  });
  return { $or: branches };
};

/** Sort with `_id` as the final tie-breaker (in the last key's direction), so keyset paging is total. */
export const totalSort = (sort: Sort | undefined): Sort => {
  const { _id: _ignored, ...rest } = sort ?? {};
  const directions = Object.values(rest);
  return { ...rest, _id: directions.at(-1) ?? sort?._id ?? 1 };
};

export const readPath = (document: Record<string, unknown>, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      document,
    );
