import type { Money } from './money';
import { addWeighted, forecast, ForecastError, weightedAmount, weightedSum } from './forecast';

const m = (amount: number, currency = 'EUR'): Money => ({ amount, currency });

describe('weightedAmount', () => {
  it('is the amount times the stage probability, in hundredths of a minor unit', () => {
    expect(weightedAmount({ amount: m(1_250_000), probability: 40 })).toEqual({
      currency: 'EUR',
      hundredths: 50_000_000n,
      minorUnits: '500000',
    });
  });

  it('keeps fractions of a minor unit instead of rounding them away', () => {
    expect(weightedAmount({ amount: m(333), probability: 33 }).minorUnits).toBe('109.89');
    expect(weightedAmount({ amount: m(1), probability: 5 }).minorUnits).toBe('0.05');
  });

  it('is zero at probability 0 and the whole amount at 100', () => {
    expect(weightedAmount({ amount: m(999), probability: 0 }).minorUnits).toBe('0');
    expect(weightedAmount({ amount: m(999), probability: 100 }).minorUnits).toBe('999');
  });

  it.each([-1, 101, 2.5])('refuses a probability of %p', (probability) => {
    expect(() => weightedAmount({ amount: m(100), probability })).toThrow(ForecastError);
  });

  it('refuses an amount that is not a whole number of minor units', () => {
    expect(() => weightedAmount({ amount: m(0.5), probability: 50 })).toThrow(ForecastError);
  });
});

describe('forecast', () => {
  it('sums weighted amounts per currency, never across currencies, ordered by code', () => {
    const totals = forecast([
      { amount: m(1_000, 'USD'), probability: 50 },
      { amount: m(333), probability: 33 },
      { amount: m(667), probability: 33 },
      { amount: m(10, 'JPY'), probability: 15 },
    ]);
    expect(totals.map((t) => [t.currency, t.minorUnits])).toEqual([
      ['EUR', '330'],
      ['JPY', '1.50'],
      ['USD', '500'],
    ]);
  });

  it('is exact past 2^53, where numbers would round', () => {
    const max = m(1_000_000_000_000_000);
    const lines = Array.from({ length: 10 }, () => ({ amount: max, probability: 99 }));
    const [eur] = forecast(lines);
    expect(eur?.hundredths).toBe(990_000_000_000_000_000n);
    expect(eur?.minorUnits).toBe('9900000000000000');
    expect(Number.isSafeInteger(9_900_000_000_000_000)).toBe(false);
  });

  it('is empty for no deals', () => {
    expect(forecast([])).toEqual([]);
  });
});

describe('weightedSum', () => {
  it('weighs a sum of amounts as adding each deal weighed would, past 2^53 too', () => {
    const amounts = [333, 667, 1_000_000_000_000_000, 1_000_000_000_000_000, 7];
    const oneByOne = forecast(amounts.map((amount) => ({ amount: m(amount), probability: 33 })));
    const sum = amounts.reduce((total, amount) => total + BigInt(amount), 0n);
    expect(weightedSum('EUR', sum, 33)).toEqual(oneByOne[0]);
  });

  it.each([-1, 101, 2.5])('refuses a probability of %p', (probability) => {
    expect(() => weightedSum('EUR', 100n, probability)).toThrow(ForecastError);
  });

  it('adds totals of one currency and refuses to add two currencies', () => {
    const added = addWeighted(weightedSum('EUR', 333n, 33), weightedSum('EUR', 1n, 5));
    expect(added.minorUnits).toBe('109.94');
    expect(() => addWeighted(weightedSum('EUR', 1n, 5), weightedSum('USD', 1n, 5))).toThrow(
      ForecastError,
    );
  });
});
