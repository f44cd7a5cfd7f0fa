import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { isDomainError } from '@crm/eventsourcing';
import type { ErrorDetail } from '@crm/platform';
import { toDetails } from '@crm/platform';
import type { CancelReason, OrderLine, RefundReason } from '../domain/order';
import { orderTotal } from '../domain/order-lines';
import type { ImportedOrderDto, ImportedOrderStatus } from './imported-order.dto';
import { ImportedOrdersDto, PAID_STATUSES } from './imported-order.dto';

/** An imported order as checked: `placedAt` normalised to UTC, `total` computed like the decider. */
export type ImportedOrder = {
  ref: string;
  currency: string;
  lines: OrderLine[];
  total: number;
  placedAt: string;
  status: ImportedOrderStatus;
  cancelReason: CancelReason | null;
  refunded: { amount: number; reason: RefundReason | null } | null;
};

const TYPE_RULES = ['isArray', 'isString', 'isInt', 'nestedValidation'];

/**
 * The first field's most basic failure: class-validator lists a field's rules in no useful
 * order, and `orders must be an array` says more than `orders must contain no more than 1000`.
 */
const firstDetail = (details: readonly ErrorDetail[]): ErrorDetail | undefined => {
  const field = details[0]?.field;
  const own = details.filter((d) => d.field === field);
  return own.find((d) => TYPE_RULES.includes(d.rule)) ?? own[0];
};

const detail = (field: string, rule: string, message: string): ErrorDetail => ({
  field,
  rule,
  message,
});

/** The rules that span fields, on one order that passed the field rules. */
const crossFieldError = (
  order: ImportedOrderDto,
  index: number,
  now: Date,
  firstLineOfRef: Map<string, number>,
): ErrorDetail | ImportedOrder => {
  const at = `orders.${index}`;
  const earlier = firstLineOfRef.get(order.ref);
  if (earlier !== undefined) {
    return detail(`${at}.ref`, 'unique', `ref ${order.ref} is already used by orders.${earlier}`);
  }
  firstLineOfRef.set(order.ref, index);
  const placedAt = new Date(order.placedAt);
  if (placedAt.getTime() > now.getTime()) {
    return detail(`${at}.placedAt`, 'notInFuture', 'placedAt must not be in the future');
  }
  const lines = order.lines.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, unitPrice }));
  const total = orderTotal(lines, order.currency);
  if (isDomainError(total)) return detail(`${at}.lines`, 'maxTotal', total.message);
  const status = order.status ?? 'placed';
  if (order.cancelReason !== undefined && status !== 'cancelled') {
    return detail(
      `${at}.cancelReason`,
      'onlyWhenCancelled',
      'cancelReason is only allowed on a cancelled order',
    );
  }
  const refunded = order.refunded ?? null;
  if (refunded && status !== 'cancelled' && !PAID_STATUSES.includes(status)) {
    return detail(
      `${at}.refunded`,
      'requiresPayment',
      `a ${status} order was not paid, so it cannot have been refunded (status must be ${[...PAID_STATUSES, 'cancelled'].join(', ')})`,
    );
  }
  if (refunded && refunded.amount > total.amount) {
    return detail(
      `${at}.refunded.amount`,
      'max',
      `refunded.amount must not be greater than the order total ${total.amount}`,
    );
  }
  return {
    ref: order.ref,
    currency: order.currency,
    lines,
    total: total.amount,
    placedAt: placedAt.toISOString(),
    status,
    cancelReason: status === 'cancelled' ? (order.cancelReason ?? 'other') : null,
    refunded: refunded && { amount: refunded.amount, reason: refunded.reason ?? null },
  };
};

/**
 * The `orders` field of an import row (absent means none), checked with the rules of
 * `POST /orders` and those of a history import. The first failing rule is named the way a 400
 * names it: `{ field: 'orders.1.lines.0.unitPrice', rule: 'min', message }`.
 */
export const validateImportedOrders = (
  value: unknown,
  now: Date = new Date(),
): { orders: ImportedOrder[] } | ErrorDetail => {
  if (value === undefined || value === null) return { orders: [] };
  const dto = plainToInstance(ImportedOrdersDto, { orders: value });
  const errors = validateSync(dto, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  const first = firstDetail(toDetails(errors));
  if (first) return first;
  const firstLineOfRef = new Map<string, number>();
  const orders: ImportedOrder[] = [];
  for (const [index, order] of dto.orders.entries()) {
    const checked = crossFieldError(order, index, now, firstLineOfRef);
    if ('rule' in checked) return checked;
    orders.push(checked);
  }
  return { orders };
};
