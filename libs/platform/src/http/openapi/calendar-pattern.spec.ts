import fc from 'fast-check';
import { isISO8601 } from 'class-validator';
import { calendarPattern } from './calendar-pattern';

/** The shapes the DTOs accept today: a date or an instant, and an instant with optional seconds. */
const SHAPES = [
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/,
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
];

/** Real instants written in every form the shapes allow. */
const realInstants = fc
  .tuple(
    fc.integer({
      min: Date.parse('0001-01-01T00:00:00Z'),
      max: Date.parse('9999-12-31T23:59:59Z'),
    }),
    fc.constantFrom('date', 'minutes', 'seconds', 'millis'),
    fc.constantFrom('Z', '+05:30', '-23:59'),
  )
  .map(([ms, form, zone]) => {
    const iso = new Date(ms).toISOString();
    const cut = { date: 10, minutes: 16, seconds: 19, millis: 23 }[form];
    return form === 'date' ? iso.slice(0, cut) : `${iso.slice(0, cut)}${zone}`;
  });

describe('calendarPattern', () => {
  it.each(SHAPES)('accepts exactly what %s and the strict ISO 8601 check accept', (shape) => {
    const sut = new RegExp(calendarPattern(shape.source));
    // Digits anywhere (2025-13-45T99:61), and real instants; ISO's 24:00 is left out on purpose.
    const candidates = fc
      .oneof(fc.stringMatching(shape), realInstants)
      .filter((s) => !/T24/.test(s));
    fc.assert(
      fc.property(candidates, (s) => {
        expect(sut.test(s)).toBe(shape.test(s) && isISO8601(s, { strict: true }));
      }),
      { numRuns: 5000 },
    );
  });

  it('knows the Gregorian leap years', () => {
    const sut = new RegExp(calendarPattern(SHAPES[0]!.source));
    expect(['2024-02-29', '2000-02-29', '1600-02-29'].map((s) => sut.test(s))).toEqual([
      true,
      true,
      true,
    ]);
    expect(
      ['2023-02-29', '1900-02-29', '2100-02-29', '2025-04-31'].map((s) => sut.test(s)),
    ).toEqual([false, false, false, false]);
  });

  it('leaves a pattern that is not a date alone', () => {
    expect(calendarPattern('^[A-Z]{3}$')).toBe('^[A-Z]{3}$');
  });
});
