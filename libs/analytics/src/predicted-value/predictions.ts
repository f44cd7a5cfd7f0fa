import { expectedPurchases, pAlive } from './domain/bgnbd';
import { expectedAverageValue } from './domain/gamma-gamma';
import { HypergeometricDidNotConvergeError } from './domain/hypergeometric';
import type { PredictedValueModel } from './predicted-value.model';
import type { PurchaseDay } from './purchase-history';
import { currencySharesOf, repeatHistoryOf, spendHistoryOf } from './purchase-history';

/** What one customer is expected to do in one currency over the horizon. */
export type CurrencyPrediction = {
  currency: string;
  /** The customer's expected purchases times the share of their purchases made in this currency. */
  expectedPurchases: number;
  /** E[M] of Gamma-Gamma (minor units); null without a fit for the currency or with q ≤ 1. */
  expectedAverageValue: number | null;
  /** expectedPurchases × expectedAverageValue (minor units); null when that is. */
  predictedValue: number | null;
};

export type CustomerPrediction = {
  customerId: string;
  /** Repeat purchases by the model's day (x). */
  repeatPurchases: number;
  pAlive: number;
  expectedPurchases: number;
  currencies: CurrencyPrediction[];
};

const averageValue = (
  model: PredictedValueModel,
  days: readonly PurchaseDay[],
  currency: string,
): number | null => {
  const fit = model.gammaGamma.get(currency)?.fit;
  if (!fit || !(fit.q > 1)) return null;
  const spend = spendHistoryOf(days, currency);
  // Without a repeat purchase in the currency (or with repeats worth nothing) the population mean.
  return spend && spend.m > 0
    ? expectedAverageValue(fit, spend.x, spend.m)
    : expectedAverageValue(fit, 0, 0);
};

/**
 * E[Y(t)], or null where ₂F₁ does not converge: a degenerate fit of very few customers (α near
 * 0, z near 1). Such a customer gets no prediction rather than failing the page or profile.
 */
const expectedOrNull = (expected: () => number): number | null => {
  try {
    return expected();
  } catch (error) {
    if (error instanceof HypergeometricDidNotConvergeError) return null;
    throw error;
  }
};

/**
 * One customer's prediction over `horizonDays` from the model's day, with the customer's
 * purchases as of that day; null for a customer without any, or without a BG/NBD fit.
 */
export const predictCustomer = (
  model: PredictedValueModel,
  customerId: string,
  days: readonly PurchaseDay[],
  horizonDays: number,
): CustomerPrediction | null => {
  const history = repeatHistoryOf(days, model.asOfDay, model.unit);
  const fit = model.bgnbd;
  if (!history || !fit) return null;
  const { x, tx, T } = history;
  const horizon = horizonDays / (model.unit === 'week' ? 7 : 1);
  const expected = expectedOrNull(() => expectedPurchases(fit, horizon, x, tx, T));
  if (expected === null) return null;
  return {
    customerId,
    repeatPurchases: x,
    pAlive: pAlive(fit, x, tx, T),
    expectedPurchases: expected,
    currencies: [...currencySharesOf(days).entries()].map(([currency, share]) => {
      const average = averageValue(model, days, currency);
      return {
        currency,
        expectedPurchases: expected * share,
        expectedAverageValue: average,
        predictedValue: average === null ? null : expected * share * average,
      };
    }),
  };
};
