/**
 * Sums of minor units with no upper bound: a customer's value over all their orders, a
 * currency's total over all customers, a campaign's attributed revenue. One amount is bounded
 * (money-limits.ts), a sum over many is not, so read models compute sums with BigInt and store
 * them as base-10 integer strings ("90071992547409930"). Documents written before sums were
 * strings hold a JSON number, exact up to 2^53 − 1; `sumOf` reads both.
 */
export type StoredSum = string | number;

const INTEGER = /^-?\d+$/;

/** A stored sum (decimal string, or a safe integer from an older document) as a BigInt. */
export const sumOf = (stored: StoredSum | null | undefined): bigint => {
  if (stored === null || stored === undefined) return 0n;
  if (typeof stored === 'number') {
    if (!Number.isSafeInteger(stored)) throw new RangeError(`stored sum ${stored} is not exact`);
    return BigInt(stored);
  }
  if (!INTEGER.test(stored)) throw new RangeError(`stored sum ${stored} is not an integer`);
  return BigInt(stored);
};

/** The form a sum is stored in. */
export const sumText = (value: bigint): string => value.toString();

/** Digits of a rank key after its sign digit: sums up to 10^40 − 1 minor units. */
const RANK_DIGITS = 40;
const RANK_SPAN = 10n ** BigInt(RANK_DIGITS);

/**
 * A string whose plain (byte or collation) order is the numeric order of the sums, for an index
 * a ranking sorts and ranges on: sign digit (0 negative, 1 otherwise), then 40 digits (a
 * negative sum offset by 10^40). Digits only, so any collation orders them alike.
 */
export const rankKeyOf = (value: bigint): string => {
  if (value >= RANK_SPAN || value <= -RANK_SPAN)
    throw new RangeError(`sum ${value} is past the rank key's ${RANK_DIGITS} digits`);
  return value < 0n
    ? `0${(RANK_SPAN + value).toString().padStart(RANK_DIGITS, '0')}`
    : `1${value.toString().padStart(RANK_DIGITS, '0')}`;
};

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * A sum on the wire: `amount` is the JSON integer while it is a safe integer (|sum| ≤ 2^53 − 1)
 * and null past it, so a client never reads a rounded number; `amountExact` is always the exact
 * base-10 integer string. See docs/adr/0019-exact-money-sums.md.
 */
export type ExactMoney = { amount: number | null; amountExact: string; currency: string };

export const exactMoney = (value: bigint, currency: string): ExactMoney => ({
  amount: value <= MAX_SAFE && value >= -MAX_SAFE ? Number(value) : null,
  amountExact: value.toString(),
  currency,
});

/**
 * total / count rounded half up (towards +∞) to a whole minor unit, exactly. An average of
 * order values is never above the largest of them, so it is a safe integer.
 */
export const averageHalfUp = (total: bigint, count: number): number => {
  if (!Number.isSafeInteger(count) || count <= 0)
    throw new RangeError(`cannot average over ${count} items`);
  const numerator = 2n * total + BigInt(count);
  const denominator = 2n * BigInt(count);
  const quotient = numerator / denominator;
  // BigInt division truncates towards 0; floor it for a negative numerator.
  const floored = numerator % denominator < 0n ? quotient - 1n : quotient;
  return Number(floored);
};
