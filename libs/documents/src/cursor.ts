import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Document, Filter, Sort } from './document-store.port';

/** What a cursor may carry: JSON scalars, so a value can never become a query operator. */
export type CursorValue = string | number | boolean | null;

/** The keyset a page ended on: the sort field values and the `_id` of its last document. */
export type CursorState = { values: CursorValue[]; id: string };

/** Longer cursors are refused before any work: no issued cursor comes near it. */
const MAX_CURSOR_LENGTH = 4096;
const TAG_BYTES = 16;

export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  constructor() {
    super('cursor is not one this server issued');
  }
}

const isCursorValue = (value: unknown): value is CursorValue =>
  value === null ||
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value));

/** A document's sort value as a cursor carries it (a missing one as null, as sorting sees it). */
const cursorValue = (field: string, value: unknown): CursorValue => {
  if (value === undefined) return null;
  if (isCursorValue(value)) return value;
  throw new Error(`cannot page on ${field}: its values are not scalars`);
};

/** `field:1,other:-1`: what a cursor is bound to, so it cannot be replayed under another sort. */
const sortSignature = (sort: Sort): string =>
  Object.entries(sort)
    .map(([field, direction]) => `${field}:${direction}`)
    .join(',');

/**
 * Opaque, tamper-evident page cursors: `base64url(payload).base64url(HMAC-SHA256 tag)`. The tag
 * covers the payload and the sort it was issued for, so a forged or edited cursor, or one reused
 * under another sort, is refused before anything reaches a query; decoded values are scalars.
 * Every process of one deployment must use the same key (see `fromSecret`) to accept each
 * other's cursors.
 */
export class CursorCodec {
  private constructor(private readonly key: Buffer) {}

  /** Derives the signing key from a deployment-wide secret (the master key) with HKDF. */
  static fromSecret(secret: Uint8Array): CursorCodec {
    return new CursorCodec(
      Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'crm/page-cursor/v1', 32)),
    );
  }

  /** A key of this process only: for stores no other process pages through (tests, tools). */
  static ephemeral(): CursorCodec {
    return new CursorCodec(randomBytes(32));
  }

  encode(sort: Sort, last: Document): string {
    const payload = Buffer.from(
      JSON.stringify({
        values: Object.keys(sort).map((field) => cursorValue(field, readPath(last, field))),
        id: last._id,
      }),
    ).toString('base64url');
    return `${payload}.${this.tag(sort, payload).toString('base64url')}`;
  }

  /** The keyset of a cursor this codec issued for `sort`; InvalidCursorError for anything else. */
  decode(sort: Sort, cursor: string): CursorState {
    if (cursor.length > MAX_CURSOR_LENGTH) throw new InvalidCursorError();
    const [payload, tag, ...rest] = cursor.split('.');
    if (payload === undefined || tag === undefined || rest.length > 0)
      throw new InvalidCursorError();
    const given = Buffer.from(tag, 'base64url');
    const expected = this.tag(sort, payload);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new InvalidCursorError();
    let state: unknown;
    try {
      state = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw new InvalidCursorError();
    }
    const { values, id } = (state ?? {}) as { values?: unknown; id?: unknown };
    if (
      typeof id !== 'string' ||
      !Array.isArray(values) ||
      values.length !== Object.keys(sort).length ||
      !values.every(isCursorValue) ||
      values.at(-1) !== id
    )
      throw new InvalidCursorError();
    return { values, id };
  }

  private tag(sort: Sort, payload: string): Buffer {
    return createHmac('sha256', this.key)
      .update(sortSignature(sort))
      .update('\n')
      .update(payload)
      .digest()
      .subarray(0, TAG_BYTES);
  }
}

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
