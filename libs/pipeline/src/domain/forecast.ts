import type { Money } from './money';

/** One deal as the forecast sees it: its amount and its stage's probability (0–100, %). */
export type ForecastLine = { readonly amount: Money; readonly probability: number };

/**
 * A weighted total, exact: `hundredths` is Σ amount × probability in hundredths of a minor unit
 * (probability is a percentage), as a BigInt because the sum of many deals passes 2^53.
 * `minorUnits` is the same number as a decimal string (`"1099.89"`), nothing rounded.
 */
export type WeightedTotal = {
  readonly currency: string;
  readonly hundredths: bigint;
  readonly minorUnits: string;
};

/** Guards the arithmetic, not the user's input: the deciders already refused bad amounts. */
export class ForecastError extends Error {
  override readonly name = 'ForecastError';
}

const checkProbability = (probability: number): void => {
  if (!Number.isInteger(probability) || probability < 0 || probability > 100) {
    throw new ForecastError(`probability ${probability} is not a whole percentage 0–100`);
  }
};

const check = ({ amount, probability }: ForecastLine): void => {
  if (!Number.isSafeInteger(amount.amount)) {
    throw new ForecastError(`${amount.amount} is not a whole number of minor units`);
  }
  checkProbability(probability);
};

const decimal = (hundredths: bigint): string => {
  const sign = hundredths < 0n ? '-' : '';
  const magnitude = hundredths < 0n ? -hundredths : hundredths;
  const whole = magnitude / 100n;
  const fraction = magnitude % 100n;
  return fraction === 0n
    ? `${sign}${whole}`
    : `${sign}${whole}.${fraction.toString().padStart(2, '0')}`;
};

const total = (currency: string, hundredths: bigint): WeightedTotal => ({
  currency,
  hundredths,
  minorUnits: decimal(hundredths),
});

/** One deal's amount × its stage's probability. */
export const weightedAmount = (line: ForecastLine): WeightedTotal => {
  check(line);
  return total(line.amount.currency, BigInt(line.amount.amount) * BigInt(line.probability));
};

/** Σ amount × probability per currency (currencies are never added together), by currency code. */
export const forecast = (lines: readonly ForecastLine[]): readonly WeightedTotal[] => {
  const byCurrency = new Map<string, bigint>();
  for (const line of lines) {
    const { currency, hundredths } = weightedAmount(line);
    byCurrency.set(currency, (byCurrency.get(currency) ?? 0n) + hundredths);
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, hundredths]) => total(currency, hundredths));
};

/**
 * Σ amount × probability for deals that share one probability (a stage's, in one currency),
 * given the sum of their amounts: the same exact number as adding each deal's `weightedAmount`,
 * without the per-deal bound (a sum of amounts passes 2^53).
 */
export const weightedSum = (
  currency: string,
  amount: bigint,
  probability: number,
): WeightedTotal => {
  checkProbability(probability);
  return total(currency, amount * BigInt(probability));
};

/** Two weighted totals of one currency added. */
export const addWeighted = (a: WeightedTotal, b: WeightedTotal): WeightedTotal => {
  if (a.currency !== b.currency) {
    throw new ForecastError(`cannot add ${a.currency} to ${b.currency}`);
  }
  return total(a.currency, a.hundredths + b.hundredths);
};
