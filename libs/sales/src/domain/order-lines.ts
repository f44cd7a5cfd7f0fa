import type { DomainError } from '@crm/eventsourcing';
import { domainError } from '@crm/eventsourcing';
import type { Money } from './money';
import { MoneyError, add, money, multiply, zero } from './money';
import type { OrderLine } from './order';

export const MAX_ORDER_LINES = 200;
export const MAX_SKU_LENGTH = 64;

const invalidLine = (index: number, rule: string): DomainError =>
  domainError('invalid', 'INVALID_ORDER_LINE', `lines.${index}: ${rule}`);

const checkLine = (line: OrderLine, index: number): DomainError | null => {
  if (typeof line.sku !== 'string' || line.sku.trim() === '' || line.sku.length > MAX_SKU_LENGTH) {
    return invalidLine(index, `sku must be 1 to ${MAX_SKU_LENGTH} characters`);
  }
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
    return invalidLine(index, 'quantity must be an integer of at least 1');
  }
  if (!Number.isSafeInteger(line.unitPrice) || line.unitPrice < 0) {
    return invalidLine(index, 'unitPrice must be a non-negative integer of minor units');
  }
  return null;
};

/** Σ quantity × unitPrice in the order's currency, or why the lines are refused. */
export const orderTotal = (lines: readonly OrderLine[], currency: string): Money | DomainError => {
  if (lines.length < 1 || lines.length > MAX_ORDER_LINES) {
    return domainError(
      'invalid',
      'ORDER_LINE_COUNT',
      `an order has 1 to ${MAX_ORDER_LINES} lines, not ${lines.length}`,
    );
  }
  for (const [index, line] of lines.entries()) {
    const invalid = checkLine(line, index);
    if (invalid) return invalid;
  }
  try {
    return lines.reduce(
      (total, line) => add(total, multiply(money(line.unitPrice, currency), line.quantity)),
      zero(currency),
    );
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    return domainError(
      'invalid',
      'ORDER_TOTAL_TOO_LARGE',
      'the order total exceeds what can be counted exactly in minor units',
    );
  }
};
