import type { BgNbdFit, RepeatHistory } from './domain/bgnbd';
import { fitBgNbd, pAlive } from './domain/bgnbd';
import type { GammaGammaFit, SpendHistory } from './domain/gamma-gamma';
import { fitGammaGamma } from './domain/gamma-gamma';
import type { CustomerPurchases, TimeUnit } from './purchase-history';
import { repeatHistoryOf, spendHistoryOf } from './purchase-history';

export type CurrencyGammaGamma = { currency: string; customers: number; fit: GammaGammaFit };

/** P(alive) of the customers in the fit, in ten bins of 0.1 (the last one includes 1). */
export type PAliveBin = { from: number; to: number; customers: number };

/** BG/NBD over every customer and Gamma-Gamma per currency, fitted as of one UTC day. */
export type PredictedValueModel = {
  asOfDay: number;
  unit: TimeUnit;
  /** Customers whose first purchase is by `asOfDay`. */
  customers: number;
  /** Of those, customers with at least one repeat purchase. */
  repeatCustomers: number;
  /** Null without a customer who bought again (the model cannot be fitted then). */
  bgnbd: BgNbdFit | null;
  /** By currency code, only currencies with a customer that has x ≥ 1 and m > 0. */
  gammaGamma: ReadonlyMap<string, CurrencyGammaGamma>;
  pAliveDistribution: PAliveBin[];
};

const BINS = 10;

const distributionOf = (fit: BgNbdFit | null, histories: readonly RepeatHistory[]): PAliveBin[] => {
  const counts = new Array<number>(BINS).fill(0);
  if (fit)
    for (const { x, tx, T } of histories) {
      const bin = Math.min(BINS - 1, Math.floor(pAlive(fit, x, tx, T) * BINS));
      counts[bin] = (counts[bin] ?? 0) + 1;
    }
  return counts.map((customers, i) => ({ from: i / BINS, to: (i + 1) / BINS, customers }));
};

/**
 * Fits both models on the customers' purchases as of `asOfDay` (the `days` of each customer must
 * be those as of that day: purchaseDaysAsOf). Customers without a purchase by then are not in
 * the fit.
 */
export const fitModelAsOf = (
  customers: readonly CustomerPurchases[],
  asOfDay: number,
  unit: TimeUnit,
): PredictedValueModel => {
  const histories: RepeatHistory[] = [];
  const spends = new Map<string, SpendHistory[]>();
  for (const { days } of customers) {
    const history = repeatHistoryOf(days, asOfDay, unit);
    if (!history) continue;
    histories.push(history);
    const currencies = new Set(days.flatMap(({ values }) => [...values.keys()]));
    for (const currency of currencies) {
      const spend = spendHistoryOf(days, currency);
      if (!spend || !(spend.m > 0)) continue;
      const list = spends.get(currency);
      if (list) list.push(spend);
      else spends.set(currency, [spend]);
    }
  }
  // Without a repeat purchase the likelihood has no maximum (it grows as the purchase rate goes
  // to 0): there is nothing to fit.
  const bgnbd = histories.some((h) => h.x > 0) ? fitBgNbd(histories) : null;
  const gammaGamma = new Map(
    [...spends.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, list]) => [
        currency,
        { currency, customers: list.length, fit: fitGammaGamma(list) },
      ]),
  );
  return {
    asOfDay,
    unit,
    customers: histories.length,
    repeatCustomers: histories.filter((h) => h.x > 0).length,
    bgnbd,
    gammaGamma,
    pAliveDistribution: distributionOf(bgnbd, histories),
  };
};
