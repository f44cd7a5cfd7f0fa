import {
  addMinor,
  formatExactMoney,
  formatWeightedMoney,
  quarterOf,
  sumExact,
} from '../../web/src/format';

const digitsOf = (text: string) => text.replace(/[^0-9-]/g, '');

describe('dashboard money formatting', () => {
  it('shows every digit of a sum past 2^53 (a float would end in …992)', () => {
    const sut = formatExactMoney({
      amount: null,
      amountExact: '9007199254740993',
      currency: 'EUR',
    });
    expect(digitsOf(sut)).toBe('9007199254740993');
  });

  it('puts the decimal point by the currency’s minor unit, small and negative sums too', () => {
    expect(digitsOf(formatExactMoney({ amount: 5, amountExact: '5', currency: 'EUR' }))).toBe(
      '005',
    );
    expect(digitsOf(formatExactMoney({ amount: 1234, amountExact: '1234', currency: 'JPY' }))).toBe(
      '1234',
    );
    expect(formatExactMoney({ amount: -250, amountExact: '-250', currency: 'EUR' })).toMatch(
      /-.*2\.50|2\.50.*-|\(.*2\.50/,
    );
  });
});

describe('dashboard weighted sums and quarters', () => {
  it('adds weighted minor units exactly (hundredths of a cent), past 2^53 too', () => {
    expect(addMinor('1099.89', '0.11', '5')).toBe('1105.00');
    expect(addMinor('9007199254740993', '0.01')).toBe('9007199254740993.01');
    expect(addMinor('-250.5', '100')).toBe('-150.50');
    expect(addMinor()).toBe('0.00');
    // A figure the page cannot read is an error, never a silent 0.00.
    expect(() => addMinor('12', 'n/a')).toThrow(/not a decimal amount/);
    expect(sumExact('9007199254740993', '2', '-5')).toBe('9007199254740990');
  });

  it('shows a weighted sum in the currency’s precision, rounding its own digits', () => {
    expect(digitsOf(formatWeightedMoney({ amountExact: '1099.89', currency: 'EUR' }))).toBe('1100');
    expect(digitsOf(formatWeightedMoney({ amountExact: '2115000', currency: 'EUR' }))).toBe(
      '2115000',
    );
    expect(digitsOf(formatWeightedMoney({ amountExact: '1234.5', currency: 'JPY' }))).toBe('1235');
  });

  it('finds the UTC quarter of an instant, leap February and year ends included', () => {
    expect(quarterOf(Date.parse('2028-02-29T23:59:59Z'))).toEqual({
      from: '2028-01-01',
      to: '2028-03-31',
      name: 'Q1 2028',
    });
    expect(quarterOf(Date.parse('2026-12-31T23:59:59Z'))).toEqual({
      from: '2026-10-01',
      to: '2026-12-31',
      name: 'Q4 2026',
    });
    expect(quarterOf(Date.parse('2026-07-01T00:00:00Z')).to).toBe('2026-09-30');
  });
});
