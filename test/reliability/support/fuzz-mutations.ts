import fc from 'fast-check';
import {
  BAD_DATES,
  BAD_HEADER_VALUES,
  BAD_INTEGERS,
  BAD_POSITIONS,
  BAD_UUIDS,
  INJECTION_STRINGS,
  INVALID_UTF8,
  OPERATOR_OBJECTS,
  POLLUTION_VALUES,
  PROTO_KEYS,
  RAW_SEGMENTS,
  badCursor,
  deepValue,
  hugeString,
  moneyValue,
  unicodeString,
  wrongType,
} from './hostile-values';
import type { Mutation, Shape } from './fuzz-placements';
import {
  BYTES_MARKER,
  DELETE,
  anyOf,
  anywhere,
  asText,
  preview,
  header,
  inBody,
  inPath,
  inQuery,
  pick,
  rawBody,
  rawInPath,
  setAt,
  shapeOf,
  wholeBody,
} from './fuzz-placements';
import type { JsonLike } from './json-text';
import { jsonObject, toJsonText } from './json-text';
import type { Operation } from './openapi-operations';
import type { Draft, FuzzTargets } from './valid-samples';

export type { Mutation } from './fuzz-placements';
export { BYTES_MARKER } from './fuzz-placements';

export const CATEGORIES = [
  'types',
  'huge',
  'deep',
  'unicode',
  'prototype',
  'operators',
  'money',
  'dates',
  'ids',
  'paging',
  'syntax',
  'headers',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Share of the requests per category: size attacks cost far more per request than the rest. */
export const CATEGORY_WEIGHTS: Record<Category, number> = {
  types: 1,
  huge: 0.25,
  deep: 0.5,
  unicode: 1,
  prototype: 1,
  operators: 1,
  money: 1,
  dates: 1,
  ids: 1,
  paging: 1,
  syntax: 1,
  headers: 1,
};

const MALFORMED = [
  '{',
  '}',
  '{"a":}',
  '{"a" 1}',
  "{'a':1}",
  '[1,]',
  '{"a":1,}',
  'undefined',
  'NaN',
  '\ufeff{}',
  '{"a":"\\x00"}',
  '{"a":"\u0000"}',
  '',
  ' ',
  'null',
  'true',
  '0',
  '"text"',
  '[]',
  '[{}]',
  '{"a":1}{"b":2}',
  '{"a":"\\ud800"}',
  '\u0000',
];
const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/xml',
  'application/json, text/plain',
  'application/jsonx',
  'APPLICATION/JSON',
  'application/merge-patch+json',
  'application/octet-stream',
  '*/*',
  ';;;',
];

const mutationsFor = (
  category: Category,
  s: Shape,
  targets: FuzzTargets,
  bodyLimit: number,
): fc.Arbitrary<Mutation> => {
  const text = (values: fc.Arbitrary<JsonLike>) => values.map(asText);
  switch (category) {
    case 'types':
      return anyOf(
        s.bodyFields.length > 0 &&
          pick(s.bodyFields).map((path) => (d: Draft) => {
            setAt(d, path, DELETE);
            d.notes.push(`body.${path.join('.')} missing`);
          }),
        s.canSendBody && inBody(s, wrongType),
        s.canSendBody && wholeBody(wrongType),
        s.canSendBody && inBody(s, wrongType, [['unknownField']]),
        inQuery(s, text(wrongType)),
        inQuery(s, fc.string({ maxLength: 8 }), ['unknown']),
      );
    case 'huge':
      return anyOf(
        s.canSendBody && inBody(s, hugeString),
        s.canSendBody &&
          inBody(
            s,
            fc.integer({ min: 1, max: 100_000 }).map((extra) => 'A'.repeat(bodyLimit + extra)),
            [...s.bodyFields, ['padding']],
          ),
        s.canSendBody &&
          inBody(
            s,
            fc.integer({ min: 10_000, max: 50_000 }).map((n) => Array<JsonLike>(n).fill('vip')),
          ),
        s.canSendBody &&
          wholeBody(
            fc
              .integer({ min: 1_000, max: 10_000 })
              .map((n) =>
                jsonObject(Array.from({ length: n }, (_, i): [string, JsonLike] => [`k${i}`, i])),
              ),
          ),
        inQuery(
          s,
          fc.integer({ min: 1_000, max: 60_000 }).map((n) => 'q'.repeat(n)),
        ),
        s.pathParams.length > 0 &&
          inPath(
            s,
            fc.integer({ min: 201, max: 5_000 }).map((n) => 'a'.repeat(n)),
          ),
      );
    case 'deep':
      return anyOf(
        s.canSendBody && wholeBody(deepValue),
        s.canSendBody && inBody(s, deepValue),
        inQuery(
          s,
          deepValue.map((raw) => raw.text.slice(0, 4_000)),
        ),
        fc.integer({ min: 10, max: 1_000 }).map((depth) => (d: Draft) => {
          d.query.push([`a${'[a]'.repeat(depth)}`, '1']);
          d.notes.push(`query key nested ${depth} deep`);
        }),
      );
    case 'unicode':
      return anyOf(
        anywhere(s, unicodeString),
        s.canSendBody &&
          s.bodyFields.length > 0 &&
          fc.tuple(pick(s.bodyFields), pick(INVALID_UTF8)).map(([path, bytes]) => (d: Draft) => {
            setAt(d, path, `x${BYTES_MARKER}y`);
            d.utf8Splice = bytes;
            d.notes.push(
              `body.${path.join('.')} holds invalid UTF-8 ${bytes.map((b) => b.toString(16)).join(' ')}`,
            );
          }),
      );
    case 'prototype':
      return anyOf(
        s.canSendBody &&
          fc
            .tuple(pick(s.objectPaths), pick(PROTO_KEYS), pick(POLLUTION_VALUES))
            .map(([at, key, value]) => (d: Draft) => {
              setAt(d, [...at, key], value);
              d.notes.push(`body.${[...at, key].join('.')}=${preview(value)}`);
            }),
        s.canSendBody && inBody(s, pick(POLLUTION_VALUES)),
        fc
          .tuple(pick(PROTO_KEYS), fc.constantFrom('', '[polluted]', '[prototype][polluted]'))
          .map(([key, suffix]) => (d: Draft) => {
            d.query.push([`${key}${suffix}`, 'yes']);
            d.notes.push(`query ${key}${suffix}=yes`);
          }),
        s.pathParams.length > 0 && inPath(s, pick(PROTO_KEYS)),
      );
    case 'operators':
      return anyOf(
        s.canSendBody && inBody(s, fc.oneof(pick(OPERATOR_OBJECTS), pick(INJECTION_STRINGS))),
        s.canSendBody && inBody(s, pick(OPERATOR_OBJECTS), [['$where'], ['$set'], ['$expr']]),
        fc
          .tuple(
            s.queryParams.length > 0 ? pick(s.queryParams) : fc.constant('status'),
            pick(['$ne', '$gt', '$regex', '$where', '$in][', '$exists']),
          )
          .map(([name, op]) => (d: Draft) => {
            d.query.push([`${name}[${op}]`, op === '$regex' ? '.*' : 'x']);
            d.notes.push(`query ${name}[${op}]`);
          }),
        inQuery(s, fc.oneof(pick(INJECTION_STRINGS), pick(OPERATOR_OBJECTS).map(asText))),
        s.pathParams.length > 0 && inPath(s, pick(INJECTION_STRINGS)),
      );
    case 'money':
      return anyOf(
        s.canSendBody &&
          inBody(s, moneyValue, s.numericFields.length > 0 ? s.numericFields : s.bodyFields),
        inQuery(
          s,
          text(moneyValue),
          ['limit', 'top', 'minPosition', 'at', 'score'].filter((p) => s.queryParams.includes(p)),
        ),
        s.pathParams.length > 0 && inPath(s, text(moneyValue)),
      );
    case 'dates':
      return anyOf(
        inQuery(
          s,
          pick(BAD_DATES),
          ['at', 'from', 'to', 'asOf'].filter((p) => s.queryParams.includes(p)),
        ),
        s.canSendBody && inBody(s, pick(BAD_DATES)),
        s.pathParams.length > 0 && inPath(s, pick(BAD_DATES)),
      );
    case 'ids':
      return anyOf(
        s.pathParams.length > 0 && inPath(s, fc.oneof(pick(BAD_UUIDS), fc.uuid())),
        s.pathParams.length > 0 && rawInPath(s, pick(RAW_SEGMENTS)),
        s.canSendBody &&
          inBody(
            s,
            fc.oneof(pick(BAD_UUIDS), fc.uuid(), wrongType),
            [['customerId'], ['campaignId']].filter(([f]) => s.bodyFields.some(([b]) => b === f)),
          ),
        inQuery(s, fc.oneof(pick(BAD_UUIDS), fc.uuid()), ['customerId']),
      );
    case 'paging':
      return anyOf(
        inQuery(s, badCursor(targets.cursor), ['cursor']),
        inQuery(s, pick(BAD_INTEGERS), ['limit']),
        inQuery(s, pick(BAD_POSITIONS), ['minPosition']),
        header('x-min-position', pick(BAD_POSITIONS)),
        // Valid but far ahead of the log: a bounded wait, then 503 with Retry-After.
        inQuery(s, fc.constantFrom('999999999', '999999999999999'), ['minPosition']),
        s.queryParams.includes('at') && inQuery(s, pick(BAD_POSITIONS), ['at']),
      );
    case 'syntax':
      return anyOf(
        s.canSendBody && rawBody(pick(MALFORMED)),
        s.canSendBody && header('content-type', pick(CONTENT_TYPES)),
        s.canSendBody &&
          s.bodyFields.length > 0 &&
          pick(s.bodyFields.filter((f) => f.length === 1)).map(([field]) => (d: Draft) => {
            const body = toJsonText(d.body ?? jsonObject());
            d.rawBody = `${body.slice(0, -1)}${body.length > 2 ? ',' : ''}${JSON.stringify(field)}:{"$gt":""}}`;
            d.notes.push(`duplicate key ${field}`);
          }),
        header('content-type', pick(CONTENT_TYPES)),
      );
    case 'headers':
      return anyOf(
        header(
          'idempotency-key',
          fc.oneof(pick(BAD_HEADER_VALUES), fc.constant('fuzz-reused-key-0001')),
        ),
        header('x-correlation-id', pick(BAD_HEADER_VALUES)),
        header('x-min-position', pick(BAD_HEADER_VALUES)),
        header('accept', fc.constantFrom('application/xml', 'text/html', '*/*;q=abc', '')),
      );
    default: {
      const unknown: never = category;
      return unknown;
    }
  }
};

/** One to three mutations of one category for one route. */
export const mutationsOf = (
  category: Category,
  op: Operation,
  targets: FuzzTargets,
  bodyLimit: number,
): fc.Arbitrary<Mutation[]> =>
  fc.array(mutationsFor(category, shapeOf(op), targets, bodyLimit), {
    minLength: 1,
    // One size attack at a time: a long URL is refused before an oversized body is read.
    maxLength: category === 'huge' ? 1 : 3,
  });
