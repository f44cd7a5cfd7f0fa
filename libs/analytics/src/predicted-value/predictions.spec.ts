import { expectedPurchases, pAlive } from './domain/bgnbd';
import { expectedAverageValue } from './domain/gamma-gamma';
import type { PredictedValueModel } from './predicted-value.model';
import { fitModelAsOf } from './predicted-value.model';
import { predictCustomer } from './predictions';
import type { PurchaseDay } from './purchase-history';

const DAY = 20_000;
const purchase = (day: number, values: Record<string, number>): PurchaseDay => ({
  day,
  values: new Map(Object.entries(values)),
});
const aModel = (overrides: Partial<PredictedValueModel> = {}): PredictedValueModel => ({
  asOfDay: DAY,
  unit: 'week',
  customers: 100,
  repeatCustomers: 40,
  bgnbd: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259, logLikelihood: -1, converged: true },
  gammaGamma: new Map([
    [
      'EUR',
      {
        currency: 'EUR',
        customers: 40,
        fit: { p: 6.25, q: 3.74, gamma: 1544, logLikelihood: -1, converged: true },
      },
    ],
  ]),
  pAliveDistribution: [],
  ...overrides,
});

describe('a customer’s prediction', () => {
  it('is BG/NBD’s P(alive) and E[Y(t)] (weeks) with Gamma-Gamma’s E[M] of the repeat purchases', () => {
    const model = aModel();
    const days = [
      purchase(DAY - 70, { EUR: 500 }),
      purchase(DAY - 35, { EUR: 1000 }),
      purchase(DAY - 14, { EUR: 2000 }),
    ];
    const sut = predictCustomer(model, 'c', days, 364);
    const fit = model.bgnbd!;
    const expected = expectedPurchases(fit, 52, 2, 8, 10);
    const average = expectedAverageValue({ p: 6.25, q: 3.74, gamma: 1544 }, 2, 1500);
    expect(sut).toEqual({
      customerId: 'c',
      repeatPurchases: 2,
      pAlive: pAlive(fit, 2, 8, 10),
      expectedPurchases: expected,
      currencies: [
        {
          currency: 'EUR',
          expectedPurchases: expected,
          expectedAverageValue: average,
          predictedValue: expected * average,
        },
      ],
    });
  });

  it('splits the expected purchases over the currencies bought in, and has no value without a fit', () => {
    const days = [
      purchase(DAY - 70, { EUR: 500 }),
      purchase(DAY - 35, { EUR: 1000, USD: 100 }),
      purchase(DAY - 14, { USD: 200 }),
    ];
    const sut = predictCustomer(aModel(), 'c', days, 365);
    const [eur, usd] = sut?.currencies ?? [];
    expect(eur?.expectedPurchases).toBeCloseTo((sut?.expectedPurchases ?? 0) / 2, 12);
    expect(usd?.expectedPurchases).toBeCloseTo((sut?.expectedPurchases ?? 0) / 2, 12);
    expect(usd).toMatchObject({
      currency: 'USD',
      expectedAverageValue: null,
      predictedValue: null,
    });
  });

  it('uses the population mean spend for a one-time buyer', () => {
    const sut = predictCustomer(aModel(), 'c', [purchase(DAY - 3, { EUR: 9999 })], 365);
    expect(sut?.currencies[0]?.expectedAverageValue).toBeCloseTo((1544 * 6.25) / 2.74, 6);
  });

  it('is none without purchases, and none for anyone when nobody bought twice (no fit)', () => {
    expect(predictCustomer(aModel(), 'c', [], 365)).toBeNull();
    const customers = ['a', 'b'].map((customerId) => ({
      customerId,
      days: [purchase(DAY - 10, { EUR: 100 })],
    }));
    const model = fitModelAsOf(customers, DAY, 'week');
    expect(model).toMatchObject({ customers: 2, repeatCustomers: 0, bgnbd: null });
    expect(predictCustomer(model, 'a', customers[0]?.days ?? [], 365)).toBeNull();
  });

  it('is given (not an error) from a model fitted on very few customers', () => {
    const customers = [
      { customerId: 'a', days: [purchase(DAY - 1, { EUR: 100 }), purchase(DAY, { EUR: 100 })] },
      { customerId: 'b', days: [purchase(DAY, { EUR: 300 })] },
    ];
    const model = fitModelAsOf(customers, DAY, 'week');
    for (const { customerId, days } of customers)
      expect(() => predictCustomer(model, customerId, days, 365)).not.toThrow();
  });
});
