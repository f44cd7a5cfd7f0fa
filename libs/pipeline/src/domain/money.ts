/** An amount of money: an integer count of the currency's minor units (cents), never a float. */
export type Money = { readonly amount: number; readonly currency: string };

/**
 * The most minor units an opportunity's amount may carry: 10^15 (10 trillion EUR in cents),
 * the same bound as an order's (`@crm/sales`), still far below 2^53.
 */
export const MAX_OPPORTUNITY_AMOUNT = 1_000_000_000_000_000;

/**
 * Shape only (three capital letters): the pipeline context does not import the sales context's
 * ISO 4217 list, which is not a published contract. See the README, "Not done yet".
 */
export const isCurrencyCodeShape = (currency: string): boolean => /^[A-Z]{3}$/.test(currency);

export const isValidAmount = (amount: number): boolean =>
  Number.isSafeInteger(amount) && amount >= 0 && amount <= MAX_OPPORTUNITY_AMOUNT;

/** An ISO calendar date (`2026-12-31`) that exists: `2026-02-30` does not. */
export const isCalendarDate = (date: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
};
