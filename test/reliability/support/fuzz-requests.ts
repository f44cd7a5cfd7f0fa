import fc from 'fast-check';
import type { Role } from '@crm/platform';
import type { Category } from './fuzz-mutations';
import { BYTES_MARKER, mutationsOf } from './fuzz-mutations';
import { toJsonText } from './json-text';
import type { Operation } from './openapi-operations';
import type { Draft, FuzzTargets } from './valid-samples';
import { validDraft } from './valid-samples';

export type FuzzRequest = {
  category: Category;
  /** `METHOD /template`, for grouping failures. */
  route: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
  bodyBytes: number;
  /** 'admin', the route's own role, or null for no key (public routes). */
  as: Role | null;
  /** The request asked to wait for a log position (a 503 with Retry-After is then allowed). */
  waitsForPosition: boolean;
  notes: string;
};

/** encodeURIComponent, except that lone surrogates become their (invalid) 3-byte UTF-8 form. */
export const encodeText = (text: string): string =>
  Array.from(text)
    .map((char) => {
      const code = char.charCodeAt(0);
      if (char.length === 1 && code >= 0xd800 && code <= 0xdfff) {
        return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
          .map((b) => `%${b.toString(16).toUpperCase()}`)
          .join('');
      }
      return encodeURIComponent(char);
    })
    .join('');

/** fetch refuses header values outside latin-1 or with CR, LF or NUL: such values are not sent. */
const sendableHeader = (value: string): boolean =>
  /^[\u0001-\u0009\u000b\u000c\u000e-\u00ff]*$/.test(value);

const serializeBody = (draft: Draft): string | Uint8Array | undefined => {
  if (draft.rawBody !== undefined) return draft.rawBody;
  if (draft.body === undefined) return undefined;
  const text = toJsonText(draft.body);
  if (!draft.utf8Splice || !text.includes(BYTES_MARKER)) return text;
  const [before = '', after = ''] = text.split(BYTES_MARKER);
  return Buffer.concat([Buffer.from(before), Buffer.from(draft.utf8Splice), Buffer.from(after)]);
};

const finalize = (
  category: Category,
  op: Operation,
  as: Role | null,
  draft: Draft,
): FuzzRequest => {
  const path = op.path.replace(
    /\{(\w+)\}/g,
    (_, name: string) => draft.rawPathParams[name] ?? encodeText(draft.pathParams[name] ?? ''),
  );
  const query = draft.query.map(([k, v]) => `${encodeText(k)}=${encodeText(v)}`).join('&');
  const canSendBody = op.method !== 'GET' && op.method !== 'HEAD';
  const body = canSendBody ? serializeBody(draft) : undefined;
  const headers = Object.fromEntries(
    Object.entries(draft.headers).filter(([, value]) => sendableHeader(value)),
  );
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  return {
    category,
    route: `${op.method} ${op.path}`,
    method: op.method,
    url: query ? `${path}?${query}` : path,
    headers,
    body,
    bodyBytes:
      body === undefined ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.length,
    as,
    waitsForPosition:
      draft.query.some(([k]) => k === 'minPosition') || 'x-min-position' in draft.headers,
    notes: draft.notes.join('; '),
  };
};

/** Admin and the route's own role take turns; public routes alternate admin and no key. */
const callerFor = (op: Operation, round: number): Role | null => {
  if (op.access === 'public') return round % 2 === 0 ? 'admin' : null;
  if (round % 2 === 0 || op.access.length === 0) return 'admin';
  return op.access[Math.floor(round / 2) % op.access.length] ?? 'admin';
};

const hash = (...parts: number[]): number =>
  parts.reduce((h, p) => (Math.imul(h ^ p, 0x9e3779b1) >>> 0) ^ (h >>> 15), 0x811c9dc5) | 0;

/**
 * `count` requests of one category, spread round-robin over every operation, reproducible
 * from the seed (the targets' ids differ between runs; the mutations do not).
 */
export const fuzzRequests = (options: {
  seed: number;
  category: Category;
  categoryIndex: number;
  count: number;
  operations: Operation[];
  targets: FuzzTargets;
  bodyLimit: number;
}): FuzzRequest[] => {
  const { seed, category, categoryIndex, count, operations, targets, bodyLimit } = options;
  const perOperation = Math.ceil(count / operations.length);
  const samples = operations.map((op, opIndex) =>
    fc.sample(fc.tuple(validDraft(op, targets), mutationsOf(category, op, targets, bodyLimit)), {
      seed: hash(seed, categoryIndex, opIndex),
      numRuns: perOperation,
    }),
  );
  const requests: FuzzRequest[] = [];
  for (let round = 0; requests.length < count && round < perOperation; round += 1) {
    operations.forEach((op, opIndex) => {
      const sample = samples[opIndex]?.[round];
      if (!sample || requests.length >= count) return;
      const [draft, mutations] = sample;
      for (const mutate of mutations) mutate(draft);
      requests.push(finalize(category, op, callerFor(op, round), draft));
    });
  }
  return requests;
};
