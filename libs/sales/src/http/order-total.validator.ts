import type { ValidationOptions } from 'class-validator';
import { ValidateBy } from 'class-validator';
import { MAX_AMOUNT, exactLinesTotal } from '../domain/money-limits';

type LineLike = { quantity?: unknown; unitPrice?: unknown };

const isCountable = (line: unknown): line is { quantity: number; unitPrice: number } =>
  typeof line === 'object' &&
  line !== null &&
  Number.isSafeInteger((line as LineLike).quantity) &&
  Number.isSafeInteger((line as LineLike).unitPrice);

/**
 * Σ quantity × unitPrice of the lines is at most MAX_AMOUNT, counted exactly as the decider
 * counts it; lines whose own fields are wrong are left to their own rules.
 */
export const isOrderTotalWithinLimit = (lines: unknown): boolean =>
  !Array.isArray(lines) ||
  !lines.every(isCountable) ||
  exactLinesTotal(lines) <= BigInt(MAX_AMOUNT);

/** The decider's order-total limit at the edge, so the 400 names `lines` and the rule. */
export const IsOrderTotalWithinLimit = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'maxTotal',
      validator: {
        validate: isOrderTotalWithinLimit,
        defaultMessage: (args) =>
          `${args?.property ?? 'lines'}: the order total (Σ quantity × unitPrice) must be at most ${MAX_AMOUNT} minor units`,
      },
    },
    options,
  );
