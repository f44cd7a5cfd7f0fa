import fc from 'fast-check';
import type { JsonLike } from './json-text';
import { RawJson, deepArray, deepObject, jsonObject } from './json-text';

/** Lone surrogates, bidi overrides, zero-width and control characters, combining marks, NUL. */
export const UNICODE_EDGES = [
  '\ud800',
  '\udfff',
  'a\ud800b',
  '\udc00\ud800',
  '\u202eevil\u202c',
  '\u200f\u0627\u0644\u0639\u0631\u0628\u064a\u0629',
  '\u200b',
  '\u200d\u200c\ufeff',
  '\u0000',
  'a\u0000b',
  '\ufeff',
  '\uffff',
  '\ufffe',
  'e\u0301\u0301\u0301\u0301',
  '\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67',
  '\ud835\udd6c',
  '\u2028\u2029',
  '\u001b[31m',
  '\r\n',
  '\t',
  '%00',
  '\\u0000',
  'Ｅｕｒｏ',
  '١٢٣',
];

const unicodeChar = fc.oneof(
  fc.constantFrom(...UNICODE_EDGES),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
  fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }),
);

export const unicodeString = fc.oneof(
  fc.constantFrom(...UNICODE_EDGES),
  fc.array(unicodeChar, { minLength: 1, maxLength: 12 }).map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom('Ada ', 'billing', 'a@example.com'), unicodeChar).map(([a, b]) => a + b),
);

/** Invalid UTF-8 byte sequences to splice into a JSON string: overlong, CESU surrogates, stray bytes. */
export const INVALID_UTF8: readonly number[][] = [
  [0xff],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0x80],
  [0xe2, 0x82],
];

export const MONEY_NUMBERS: readonly number[] = [
  1e308,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  -1,
  0,
  -0,
  0.1,
  0.5,
  1.5,
  -0.01,
  1e-7,
  1e21,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  4999.999,
];

/** Number-ish JSON that JSON.stringify cannot write: non-finite, too big, hex, plus signs. */
export const RAW_NUMBERS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-1e309',
  '1E2',
  '0x10',
  '+1',
  '.5',
  '1.',
  '100000000000000000000000000001',
  '1e-400',
];

export const moneyValue: fc.Arbitrary<JsonLike> = fc.oneof(
  fc.constantFrom(...MONEY_NUMBERS),
  fc.constantFrom(...RAW_NUMBERS).map((text) => new RawJson(text)),
  fc.constantFrom<JsonLike>(
    '100',
    '1e3',
    '10.00',
    true,
    null,
    [100],
    jsonObject([['amount', 100]]),
  ),
  fc.double({ noDefaultInfinity: true, noNaN: true }),
  fc.integer({ min: -(2 ** 31), max: -1 }),
);

export const BAD_DATES = [
  '2020-13-45',
  '2020-02-30T00:00:00Z',
  '0000-00-00',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999999999Z',
  '+275760-09-13T00:00:00Z',
  '-271821-04-20T00:00:00Z',
  '2020-01-01T25:61:61Z',
  '2020-01-01T00:00:00+99:99',
  '2020-01-01T00:00:00',
  'yesterday',
  'NaN',
  '1e10',
  '',
  ' ',
  '2020-W01',
  '20200101',
  'Tue, 01 Jan 2020 00:00:00 GMT',
  '1577836800000',
  '99999999999999999999',
  '-1',
  '2020-01-01T00:00:00.0000000000Z',
  '2020-01-01T00:00Z\u0000',
];

const realLike = '3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b';
export const BAD_UUIDS = [
  '',
  'x',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  `{${realLike}}`,
  `${realLike} `,
  `${realLike}a`,
  realLike.slice(1),
  'gggggggg-gggg-gggg-gggg-gggggggggggg',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  '-1',
  '1e308',
  'a'.repeat(199),
  realLike.replace(/-/g, ''),
  '١٢٣٤٥٦٧٨-1234-4234-8234-123456789012',
];

/** Already percent-encoded path segments: NUL, dot segments, broken UTF-8, malformed escapes. */
export const RAW_SEGMENTS = [
  '%00',
  '%2e%2e',
  '%2e%2e%2f%2e%2e%2fadmin',
  '%F0%9F',
  '%ED%A0%80',
  '%',
  '%zz',
  '%25',
  '.',
  'a%2Fb',
];

export const BAD_POSITIONS = [
  '-1',
  '1e3',
  '0x10',
  '1.5',
  '',
  ' 1',
  '1 ',
  '+1',
  'NaN',
  'Infinity',
  '9'.repeat(16),
  '99999999999999999999',
  '1,2',
  '١٢',
  '$gt',
];

export const BAD_INTEGERS = [
  '0',
  '-1',
  '1.5',
  '501',
  '1e308',
  'NaN',
  'Infinity',
  '',
  '9007199254740993',
  '0x10',
  ' 5',
  '5abc',
  '[]',
  'true',
];

export const badCursor = (validCursor: string | null): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(
      '',
      'null',
      '-1',
      '0',
      'abc',
      '====',
      Buffer.from('{"$where":"sleep(5000)"}').toString('base64url'),
      Buffer.from('{"_id":{"$gt":""}}').toString('base64'),
      Buffer.from('{"position":-1,"id":"x"}').toString('base64url'),
      Buffer.from('[1e308,"\\u0000"]').toString('base64url'),
      'a'.repeat(2001),
      '%00',
    ),
    fc.base64String({ maxLength: 80 }),
    validCursor === null
      ? fc.constant('eyJ9')
      : fc.oneof(
          fc.nat({ max: validCursor.length }).map((n) => validCursor.slice(0, n)),
          fc
            .nat({ max: validCursor.length - 1 })
            .map(
              (n) =>
                `${validCursor.slice(0, n)}${validCursor[n] === 'A' ? 'B' : 'A'}${validCursor.slice(n + 1)}`,
            ),
          fc.constant(`${validCursor}AAAA`),
        ),
  );

export const OPERATOR_OBJECTS: readonly JsonLike[] = [
  jsonObject([['$gt', '']]),
  jsonObject([['$ne', null]]),
  jsonObject([['$where', 'sleep(5000) || true']]),
  jsonObject([['$regex', '.*']]),
  jsonObject([['$regex', '(a+)+$']]),
  jsonObject([['$expr', jsonObject([['$eq', [1, 1]]])]]),
  jsonObject([
    [
      '$function',
      jsonObject([
        ['body', 'function(){return true}'],
        ['args', []],
        ['lang', 'js'],
      ]),
    ],
  ]),
  jsonObject([['$in', ['a', 'b']]]),
  jsonObject([['$exists', true]]),
  jsonObject([['$or', [jsonObject()]]]),
  ['$gt', ''],
  '$gt',
  '{"$gt":""}',
  '.*',
  '(a+)+$',
];

/** Strings that are valid input but mean something to regexes, SQL or Mongo if used unescaped. */
export const INJECTION_STRINGS = [
  '(',
  '[',
  '\\',
  '*',
  '.*',
  '(a+)+$',
  "' OR 1=1--",
  '"; DROP TABLE events; --',
  '$where',
  '{"$gt":""}',
  '%',
  '_',
  '<script>alert(1)</script>',
];

export const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  '__defineGetter__',
  'valueOf',
];

export const POLLUTION_VALUES: readonly JsonLike[] = [
  jsonObject([['polluted', 'yes']]),
  jsonObject([['prototype', jsonObject([['polluted', 'yes']])]]),
  jsonObject([['__proto__', jsonObject([['polluted', 'yes']])]]),
  'polluted',
  null,
];

/** Wrong JSON types for any field. */
export const wrongType: fc.Arbitrary<JsonLike> = fc.oneof(
  fc.constantFrom<JsonLike>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    '',
    ' ',
    '0',
    'true',
    [],
    jsonObject(),
    [null],
    ['a', 1],
  ),
  fc.integer(),
  fc.string({ maxLength: 20 }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 4 }),
);

export const DEPTHS = [100, 1_000, 5_000, 10_000, 20_000];
export const deepValue: fc.Arbitrary<RawJson> = fc
  .tuple(fc.boolean(), fc.constantFrom(...DEPTHS))
  .map(([arrays, depth]) => (arrays ? deepArray(depth) : deepObject(depth)));

export const hugeString = fc
  .tuple(fc.integer({ min: 20_000, max: 300_000 }), fc.constantFrom('A', 'é', '\u200b', ' '))
  .map(([length, unit]) => unit.repeat(Math.floor(length / Buffer.byteLength(unit))));

/** Header values fetch accepts (latin-1, no CR/LF/NUL) that the app should still refuse or ignore. */
export const BAD_HEADER_VALUES = [
  '',
  ' ',
  'short',
  'a'.repeat(201),
  'a'.repeat(5000),
  'key with space',
  'clé-é-latin1',
  '$where',
  '../../..',
  '%00%00%00%00',
  '{"$gt":""}',
  '__proto__',
  'a,b,c,d,e,f,g,h',
];
