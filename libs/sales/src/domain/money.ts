import { isCurrencyCode } from './currencies';

/** An amount of money: an integer count of the currency's minor units (cents), never a float. */
export type Money = { readonly amount: number; readonly currency: string };

/** Money arithmetic that would lose precision or mix currencies: a bug, not a domain refusal. */
export class MoneyError extends Error {
  override readonly name = 'MoneyError';
}

export const isMinorUnits = (amount: unknown): boolean => Number.isSafeInteger(amount);

export const money = (amount: number, currency: string): Money => {
  if (!isMinorUnits(amount))
    throw new MoneyError(`${amount} is not a safe integer number of minor units`);
  if (!isCurrencyCode(currency))
    throw new MoneyError(`${currency} is not an ISO 4217 currency code`);
  return { amount, currency };
};

export const zero = (currency: string): Money => money(0, currency);

const sameCurrency = (a: Money, b: Money): void => {
  if (a.currency !== b.currency)
    throw new MoneyError(`cannot combine ${a.currency} with ${b.currency}`);
};

const checked = (amount: number, currency: string, operation: string): Money => {
  if (!isMinorUnits(amount))
    throw new MoneyError(`${operation} overflows safe integer minor units`);
  return { amount, currency };
};

export const add = (a: Money, b: Money): Money => {
  sameCurrency(a, b);
  return checked(a.amount + b.amount, a.currency, 'add');
};

export const subtract = (a: Money, b: Money): Money => {
  sameCurrency(a, b);
  return checked(a.amount - b.amount, a.currency, 'subtract');
};

export const multiply = (m: Money, factor: number): Money => {
  if (!Number.isSafeInteger(factor)) throw new MoneyError(`factor ${factor} is not a safe integer`);
  return checked(m.amount * factor, m.currency, 'multiply');
};

export const sum = (currency: string, amounts: readonly Money[]): Money =>
  amounts.reduce(add, zero(currency));

export const compare = (a: Money, b: Money): -1 | 0 | 1 => {
  sameCurrency(a, b);
  return a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0;
};

/**
 * The mean of `count` non-negative amounts totalling `total`, rounded half up to a whole minor
 * unit. BigInt, because 2 × total may pass 2^53.
 */
export const average = (total: Money, count: number): Money => {
  if (!Number.isSafeInteger(count) || count <= 0)
    throw new MoneyError(`cannot average over ${count} items`);
  if (total.amount < 0) throw new MoneyError('average is defined for non-negative totals only');
  const halfUp = (2n * BigInt(total.amount) + BigInt(count)) / (2n * BigInt(count));
  return money(Number(halfUp), total.currency);
};
