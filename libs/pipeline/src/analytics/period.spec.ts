import { RequestValidationError } from '@crm/platform';
import { asOfInstant, checkPeriod, endOf, startOf } from './period';

const ruleOf = (from: string, to: string, maxDays: number): string | null => {
  try {
    checkPeriod(from, to, maxDays);
    return null;
  } catch (error) {
    if (!(error instanceof RequestValidationError)) throw error;
    return error.details.map((d) => `${d.field}:${d.rule}`).join();
  }
};

describe('the analytics period', () => {
  it('takes a bare date as its whole UTC day and a bare asOf as its midnight', () => {
    expect([startOf('2026-03-01'), endOf('2026-03-01')]).toEqual([
      '2026-03-01T00:00:00.000Z',
      '2026-03-01T23:59:59.999Z',
    ]);
    expect(asOfInstant('2026-03-01')).toBe('2026-03-01T00:00:00.000Z');
    expect(asOfInstant('2026-03-01T10:00:00+02:00')).toBe('2026-03-01T08:00:00.000Z');
    expect(asOfInstant(undefined)).toBeNull();
  });

  it('allows whole days up to the limit, a leap year of 366 days included', () => {
    expect(ruleOf(startOf('2028-01-01'), endOf('2028-12-31'), 366)).toBeNull();
    expect(ruleOf(startOf('2028-01-01'), endOf('2029-01-01'), 366)).toBe('to:maxDaysAfterField');
    expect(ruleOf(startOf('2026-03-01'), endOf('2026-03-01'), 366)).toBeNull();
  });

  it('allows instants exactly the limit apart and refuses a millisecond more', () => {
    const from = '2026-01-01T00:00:00.000Z';
    expect(ruleOf(from, '2029-01-01T00:00:00.000Z', 1_096)).toBeNull();
    expect(ruleOf(from, '2029-01-01T00:00:00.001Z', 1_096)).toBe('to:maxDaysAfterField');
  });

  it('refuses a to before from', () => {
    expect(ruleOf(startOf('2026-03-02'), endOf('2026-03-01'), 366)).toBe('to:isNotBeforeFrom');
  });
});
