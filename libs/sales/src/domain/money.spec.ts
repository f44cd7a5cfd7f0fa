import { CURRENCY_CODES, ISO_4217_MINOR_UNITS, isCurrencyCode } from './currencies';
import { MoneyError, add, average, compare, money, multiply, subtract, sum, zero } from './money';

const eur = (amount: number) => money(amount, 'EUR');

describe('money', () => {
  it('adds 0.10 + 0.20 to exactly 0.30 (where floats give 0.30000000000000004)', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(add(eur(10), eur(20))).toEqual(eur(30));
  });

  it('sums many small amounts without drift', () => {
    expect(
      sum(
        'EUR',
        Array.from({ length: 1000 }, () => eur(1)),
      ),
    ).toEqual(eur(1000));
  });

  it('subtracts and multiplies in minor units', () => {
    expect(subtract(eur(1000), eur(1))).toEqual(eur(999));
    expect(multiply(eur(333), 3)).toEqual(eur(999));
  });

  it('refuses to mix currencies', () => {
    expect(() => add(eur(1), money(1, 'USD'))).toThrow(MoneyError);
    expect(() => subtract(eur(1), money(1, 'USD'))).toThrow(/EUR with USD/);
    expect(() => compare(eur(1), money(1, 'JPY'))).toThrow(MoneyError);
  });

  it('refuses amounts that are not safe integers', () => {
    expect(() => eur(0.1)).toThrow(MoneyError);
    expect(() => eur(Number.MAX_SAFE_INTEGER + 1)).toThrow(MoneyError);
    expect(() => eur(Number.NaN)).toThrow(MoneyError);
  });

  it('refuses results past 2^53 instead of rounding them', () => {
    expect(() => add(eur(Number.MAX_SAFE_INTEGER), eur(1))).toThrow(/overflows/);
    expect(() => multiply(eur(Number.MAX_SAFE_INTEGER), 2)).toThrow(/overflows/);
    expect(() => multiply(eur(2), 1.5)).toThrow(MoneyError);
  });

  it('refuses unknown currency codes', () => {
    expect(() => money(1, 'EURO')).toThrow(/ISO 4217/);
    expect(() => money(1, 'eur')).toThrow(MoneyError);
  });

  it('compares amounts of one currency', () => {
    expect(compare(eur(1), eur(2))).toBe(-1);
    expect(compare(eur(2), eur(2))).toBe(0);
    expect(compare(eur(3), eur(2))).toBe(1);
    expect(zero('JPY')).toEqual({ amount: 0, currency: 'JPY' });
  });

  describe('average', () => {
    it.each([
      [1000, 3, 333],
      [1001, 2, 501],
      [1, 2, 1],
      [1, 3, 0],
      [0, 5, 0],
    ])('averages %i over %i orders to %i, rounding half up', (total, count, expected) =>
      expect(average(eur(total), count)).toEqual(eur(expected)),
    );

    it('stays exact where 2 × total passes 2^53', () =>
      expect(average(eur(Number.MAX_SAFE_INTEGER), 1)).toEqual(eur(Number.MAX_SAFE_INTEGER)));

    it('refuses an empty set', () => expect(() => average(eur(1), 0)).toThrow(MoneyError));
  });
});

describe('ISO 4217 codes', () => {
  it.each(['EUR', 'USD', 'JPY', 'GBP', 'KWD', 'CHF', 'CNY'])('knows %s', (code) =>
    expect(isCurrencyCode(code)).toBe(true),
  );

  it.each(['XAU', 'XTS', 'XXX', 'ABC', 'eur', '', 42])('refuses %s', (code) =>
    expect(isCurrencyCode(code)).toBe(false),
  );

  it('has the minor units of currencies without cents or with mills', () => {
    expect(ISO_4217_MINOR_UNITS.JPY).toBe(0);
    expect(ISO_4217_MINOR_UNITS.EUR).toBe(2);
    expect(ISO_4217_MINOR_UNITS.KWD).toBe(3);
  });

  it('lists the 166 active codes, all three upper-case letters', () => {
    expect(CURRENCY_CODES.length).toBe(166);
    expect(CURRENCY_CODES.every((code) => /^[A-Z]{3}$/.test(code))).toBe(true);
    expect(isCurrencyCode('toString')).toBe(false);
  });
});
