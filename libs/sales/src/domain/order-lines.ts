import type { DomainError } from '@crm/eventsourcing';
import { domainError } from '@crm/eventsourcing';
import type { Money } from './money';
import { money } from './money';
import { MAX_AMOUNT, MAX_QUANTITY, exactLinesTotal } from './money-limits';
import type { OrderLine } from './order';

export const MAX_ORDER_LINES = 200;
export const MAX_SKU_LENGTH = 64;

const invalidLine = (index: number, rule: string): DomainError =>
  domainError('invalid', 'INVALID_ORDER_LINE', `lines.${index}: ${rule}`);

const checkLine = (line: OrderLine, index: number): DomainError | null => {
  if (typeof line.sku !== 'string' || line.sku.trim() === '' || line.sku.length > MAX_SKU_LENGTH) {
    return invalidLine(index, `sku must be 1 to ${MAX_SKU_LENGTH} characters`);
  }
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY) {
    return invalidLine(index, `quantity must be an integer from 1 to ${MAX_QUANTITY}`);
  }
  if (!Number.isSafeInteger(line.unitPrice) || line.unitPrice < 0 || line.unitPrice > MAX_AMOUNT) {
    return invalidLine(
      index,
      `unitPrice must be an integer of minor units from 0 to ${MAX_AMOUNT}`,
    );
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
  const total = exactLinesTotal(lines);
  if (total > BigInt(MAX_AMOUNT)) {
    return domainError(
      'invalid',
      'ORDER_TOTAL_TOO_LARGE',
      `lines: the order total ${total} must be at most ${MAX_AMOUNT} minor units`,
    );
  }
  return money(Number(total), currency);
};
