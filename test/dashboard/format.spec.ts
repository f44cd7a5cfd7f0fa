import { formatExactMoney } from '../../web/src/format';

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
