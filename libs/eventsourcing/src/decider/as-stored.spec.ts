import fc from 'fast-check';
import { asStored } from './folded-state-cache';

const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

describe('asStored', () => {
  it('answers what a JSON round trip answers, for any data', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string(),
          fc.anything({
            withDate: true,
            withNullPrototype: false,
            withBoxedValues: false,
            withMap: false,
            withSet: false,
            withTypedArray: false,
            withSparseArray: true,
          }),
        ),
        (data) => {
          expect(asStored(data)).toStrictEqual(viaJson(data));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('drops undefined fields, turns dates into text and non-finite numbers into null', () => {
    const stored = asStored({
      at: new Date(0),
      gone: undefined,
      n: Number.NaN,
      zero: -0,
      list: [1, undefined, () => 1],
      ['__proto__']: 1,
    });
    expect(stored).toStrictEqual(
      viaJson({ at: new Date(0), n: null, zero: 0, list: [1, null, null], ['__proto__']: 1 }),
    );
    expect(Object.is((stored as { zero: number }).zero, 0)).toBe(true);
  });

  it('copies: changing the original later does not change the stored form', () => {
    const data = { contact: { name: 'Ada' }, tags: ['vip'] };
    const stored = asStored(data) as typeof data;
    data.contact.name = 'Grace';
    data.tags.push('b2b');
    expect(stored).toEqual({ contact: { name: 'Ada' }, tags: ['vip'] });
  });
});
