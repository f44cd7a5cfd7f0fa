/**
 * The most minor units one amount on a command may carry: a line's unit price, an order's
 * total, a payment, a refund, a campaign cost. 10^15 is 10 trillion EUR in cents (1 quadrillion
 * JPY), far past any real order, and 9 × 10^15 is still below 2^53: every figure of one order
 * (total, paid, refunded and their differences) is a safe integer with room to spare. Sums over
 * many orders have no such bound; read models keep them as BigInt-safe decimal strings
 * (see `exact-amount.ts` and the README, "Money").
 */
export const MAX_AMOUNT = 1_000_000_000_000_000;

/** The most units of one SKU on one line. */
export const MAX_QUANTITY = 1_000_000;

/** Whether `amount` is whole minor units from 0 to MAX_AMOUNT. */
export const isAmountWithinLimit = (amount: unknown): amount is number =>
  Number.isSafeInteger(amount) && (amount as number) >= 0 && (amount as number) <= MAX_AMOUNT;

/**
 * Σ quantity × unitPrice, exactly (BigInt), for lines whose fields are already whole numbers;
 * compared with MAX_AMOUNT by the decider, the request DTO and the import alike.
 */
export const exactLinesTotal = (
  lines: readonly { quantity: number; unitPrice: number }[],
): bigint =>
  lines.reduce((total, line) => total + BigInt(line.quantity) * BigInt(line.unitPrice), 0n);
