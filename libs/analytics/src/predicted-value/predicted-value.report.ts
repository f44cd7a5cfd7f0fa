import { InvalidCursorError } from '@crm/documents';
import type { ExactMoney } from '@crm/sales';
import { exactMoney } from '@crm/sales';
import type { BgNbdFit } from './domain/bgnbd';
import type { CurrencyGammaGamma, PredictedValueModel } from './predicted-value.model';
import type { CurrencyPrediction, CustomerPrediction } from './predictions';
import { dayText } from './purchases.document';

const bgnbdOf = (fit: BgNbdFit | null) =>
  fit && {
    r: fit.r,
    alpha: fit.alpha,
    a: fit.a,
    b: fit.b,
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
  };

/** The currency asked for, else the one with the most customers in its fit (then by code). */
const gammaGammaOf = (model: PredictedValueModel, currency: string | undefined) => {
  const fits = [...model.gammaGamma.values()];
  const chosen: CurrencyGammaGamma | undefined =
    currency === undefined
      ? fits.reduce<CurrencyGammaGamma | undefined>(
          (best, fit) => (!best || fit.customers > best.customers ? fit : best),
          undefined,
        )
      : model.gammaGamma.get(currency);
  if (!chosen) return null;
  const { p, q, gamma, logLikelihood, converged } = chosen.fit;
  return {
    currency: chosen.currency,
    customers: chosen.customers,
    p,
    q,
    gamma,
    logLikelihood,
    converged,
  };
};

export const modelReport = (model: PredictedValueModel, currency: string | undefined) => ({
  asOf: dayText(model.asOfDay),
  unit: model.unit,
  customers: model.customers,
  repeatCustomers: model.repeatCustomers,
  bgnbd: bgnbdOf(model.bgnbd),
  gammaGamma: gammaGammaOf(model, currency),
  currencies: [...model.gammaGamma.keys()],
  pAliveDistribution: model.pAliveDistribution,
});

export type PredictedValueMoney = {
  expectedAverageValue: { amount: number; currency: string } | null;
  predictedValue: ExactMoney | null;
};

/** Minor units rounded half up (the values are expectations, never exact). */
const minorUnits = (value: number): bigint => BigInt(Math.round(value));

export const moneyOf = (prediction: CurrencyPrediction): PredictedValueMoney => ({
  expectedAverageValue:
    prediction.expectedAverageValue === null
      ? null
      : {
          amount: Number(minorUnits(prediction.expectedAverageValue)),
          currency: prediction.currency,
        },
  predictedValue:
    prediction.predictedValue === null
      ? null
      : exactMoney(minorUnits(prediction.predictedValue), prediction.currency),
});

export type PredictedCustomerRow = {
  customerId: string;
  currency: string;
  repeatPurchases: number;
  pAlive: number;
  expectedPurchases: number;
} & PredictedValueMoney;

export type PredictedValueListQuery = {
  top?: number;
  currency?: string;
  minPAlive?: number;
  maxPAlive?: number;
  limit: number;
  cursor?: string;
};

type Row = { customer: CustomerPrediction; currency: CurrencyPrediction };
type Keyset = { currency: string; value: number | null; customerId: string };

/** By currency, then highest predicted value first (none last), then customer id. */
const compare = (a: Keyset, b: Keyset): number => {
  if (a.currency !== b.currency) return a.currency < b.currency ? -1 : 1;
  if (a.value !== b.value) {
    if (a.value === null) return 1;
    if (b.value === null) return -1;
    return b.value - a.value;
  }
  return a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0;
};

const keysetOf = ({ customer, currency }: Row): Keyset => ({
  currency: currency.currency,
  value: currency.predictedValue,
  customerId: customer.customerId,
});

/**
 * A keyset of three scalars, checked on the way in: it is only compared in memory, never
 * reaches a store query (so, as RFM's, it needs no signature; ADR 0017's threat is a query).
 */
const encodeCursor = (k: Keyset): string =>
  Buffer.from(JSON.stringify([k.currency, k.value, k.customerId])).toString('base64url');

const decodeCursor = (cursor: string): Keyset => {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 3) {
      const [currency, value, customerId] = parsed as unknown[];
      if (
        typeof currency === 'string' &&
        (value === null || (typeof value === 'number' && Number.isFinite(value))) &&
        typeof customerId === 'string'
      )
        return { currency, value, customerId };
    }
  } catch {
    // falls through to the refusal below
  }
  throw new InvalidCursorError();
};

export const predictedValuePage = (
  ranking: readonly CustomerPrediction[],
  asOfDay: number,
  horizonDays: number,
  query: PredictedValueListQuery,
) => {
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
  const rows: Row[] = ranking
    .filter(
      ({ pAlive }) =>
        (query.minPAlive === undefined || pAlive >= query.minPAlive) &&
        (query.maxPAlive === undefined || pAlive <= query.maxPAlive),
    )
    .flatMap((customer) =>
      customer.currencies
        .filter((c) => query.currency === undefined || c.currency === query.currency)
        .map((currency) => ({ customer, currency })),
    )
    .sort((a, b) => compare(keysetOf(a), keysetOf(b)));
  const rank = new Map<string, number>();
  const ranked = rows.filter(({ currency: { currency } }) => {
    const place = (rank.get(currency) ?? 0) + 1;
    rank.set(currency, place);
    return query.top === undefined || place <= query.top;
  });
  const remaining =
    after === null ? ranked : ranked.filter((row) => compare(keysetOf(row), after) > 0);
  const page = remaining.slice(0, query.limit);
  const last = page.at(-1);
  return {
    asOf: dayText(asOfDay),
    horizonDays,
    items: page.map(({ customer, currency }) => ({
      customerId: customer.customerId,
      currency: currency.currency,
      repeatPurchases: customer.repeatPurchases,
      pAlive: customer.pAlive,
      expectedPurchases: currency.expectedPurchases,
      ...moneyOf(currency),
    })),
    nextCursor: remaining.length > query.limit && last ? encodeCursor(keysetOf(last)) : null,
  };
};
