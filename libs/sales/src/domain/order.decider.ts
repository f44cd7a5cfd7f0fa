import type { Decider, DomainError } from '@crm/eventsourcing';
import { domainError, isDomainError } from '@crm/eventsourcing';
import { isCurrencyCode } from './currencies';
import type { Money } from './money';
import { MAX_AMOUNT } from './money-limits';
import type {
  CancelReason,
  OrderEvent,
  OrderLine,
  OrderState,
  OrderStatus,
  PlacedOrderState,
  RefundReason,
} from './order';
import { CANCEL_REASONS, evolveOrder, initialOrderState, REFUND_REASONS } from './order';
import { orderTotal } from './order-lines';

export type PlaceOrder = {
  type: 'PlaceOrder';
  orderId: string;
  customerId: string;
  currency: string;
  lines: OrderLine[];
  campaignId: string | null;
  /** The opportunity whose win placed the order (the pipeline context), when one did. */
  opportunityId?: string;
  at: string;
};
export type ConfirmOrder = { type: 'ConfirmOrder'; orderId: string; at: string };
export type RecordPayment = { type: 'RecordPayment'; orderId: string; amount: Money; at: string };
export type ShipOrder = { type: 'ShipOrder'; orderId: string; at: string };
export type DeliverOrder = { type: 'DeliverOrder'; orderId: string; at: string };
export type CancelOrder = {
  type: 'CancelOrder';
  orderId: string;
  reason: CancelReason;
  at: string;
};
export type IssueRefund = {
  type: 'IssueRefund';
  orderId: string;
  amount: Money;
  reason: RefundReason | null;
  at: string;
};

export type OrderCommand =
  PlaceOrder | ConfirmOrder | RecordPayment | ShipOrder | DeliverOrder | CancelOrder | IssueRefund;

type Decision = readonly OrderEvent[] | DomainError;

/** The statuses each command may start from; anything else is a 409 naming the status. */
export const ALLOWED_FROM: Readonly<
  Record<Exclude<OrderCommand['type'], 'PlaceOrder'>, readonly OrderStatus[]>
> = {
  ConfirmOrder: ['placed'],
  RecordPayment: ['placed', 'confirmed', 'shipped', 'delivered'],
  ShipOrder: ['confirmed'],
  DeliverOrder: ['shipped'],
  CancelOrder: ['placed', 'confirmed'],
  // A cancelled order may still owe back what was paid.
  IssueRefund: ['placed', 'confirmed', 'shipped', 'delivered', 'cancelled'],
};

const VERBS: Readonly<Record<keyof typeof ALLOWED_FROM, string>> = {
  ConfirmOrder: 'confirm',
  RecordPayment: 'record a payment for',
  ShipOrder: 'ship',
  DeliverOrder: 'deliver',
  CancelOrder: 'cancel',
  IssueRefund: 'refund',
};

const requireStatus = (
  command: Exclude<OrderCommand, PlaceOrder>,
  state: OrderState,
): PlacedOrderState | DomainError => {
  if (state.status === 'none') {
    return domainError('not_found', 'ORDER_NOT_FOUND', `order ${command.orderId} does not exist`);
  }
  const allowed = ALLOWED_FROM[command.type];
  if (allowed.includes(state.status)) return state;
  return domainError(
    'conflict',
    'ILLEGAL_ORDER_TRANSITION',
    `cannot ${VERBS[command.type]} order ${command.orderId}: it is ${state.status} (allowed from ${allowed.join(', ')})`,
  );
};

/** A payment or refund amount: positive minor units in the order's own currency. */
const requireAmountFor = (
  order: PlacedOrderState,
  amount: Money,
  field: string,
): DomainError | null => {
  if (amount.currency !== order.currency) {
    return domainError(
      'invalid',
      'CURRENCY_MISMATCH',
      `${field} is in ${amount.currency} but order ${order.orderId} is in ${order.currency}`,
    );
  }
  if (!Number.isSafeInteger(amount.amount) || amount.amount < 1 || amount.amount > MAX_AMOUNT) {
    return domainError(
      'invalid',
      'INVALID_AMOUNT',
      `${field} must be an integer of minor units from 1 to ${MAX_AMOUNT}`,
    );
  }
  return null;
};

const isOneOf = (allowed: readonly string[], value: string): boolean => allowed.includes(value);

const invalidReason = (allowed: readonly string[]): DomainError =>
  domainError('invalid', 'INVALID_REASON', `reason must be one of ${allowed.join(', ')}`);

const place = (command: PlaceOrder, state: OrderState): Decision => {
  if (state.status !== 'none') {
    return domainError(
      'conflict',
      'ORDER_ALREADY_EXISTS',
      `order ${command.orderId} already exists (${state.status})`,
    );
  }
  if (!isCurrencyCode(command.currency)) {
    return domainError(
      'invalid',
      'INVALID_CURRENCY',
      `currency ${command.currency} is not an ISO 4217 code`,
    );
  }
  const total = orderTotal(command.lines, command.currency);
  if (isDomainError(total)) return total;
  const { orderId, customerId, currency, campaignId, opportunityId, at } = command;
  const lines = command.lines.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, unitPrice }));
  const placed = { orderId, customerId, currency, lines, total: total.amount, campaignId };
  // Written only when an opportunity placed it: orders placed before the field existed, and
  // orders placed directly, read the same (no upcaster needed).
  const origin = opportunityId === undefined ? {} : { opportunityId };
  return [{ type: 'OrderPlaced', data: { ...placed, ...origin, placedAt: at } }];
};

const confirm = (command: ConfirmOrder, state: OrderState): Decision => {
  const order = requireStatus(command, state);
  if (isDomainError(order)) return order;
  return [
    {
      type: 'OrderConfirmed',
      data: { orderId: order.orderId, customerId: order.customerId, confirmedAt: command.at },
    },
  ];
};

const recordPayment = (command: RecordPayment, state: OrderState): Decision => {
  const order = requireStatus(command, state);
  if (isDomainError(order)) return order;
  const invalid = requireAmountFor(order, command.amount, 'payment');
  if (invalid) return invalid;
  const balance = order.total - order.paid;
  if (command.amount.amount > balance) {
    return domainError(
      'conflict',
      'OVERPAYMENT',
      `payment of ${command.amount.amount} exceeds the ${balance} ${order.currency} still due on order ${order.orderId}`,
    );
  }
  const { orderId, customerId, currency } = order;
  return [
    {
      type: 'PaymentRecorded',
      data: { orderId, customerId, amount: command.amount.amount, currency, paidAt: command.at },
    },
  ];
};

const ship = (command: ShipOrder, state: OrderState): Decision => {
  const order = requireStatus(command, state);
  if (isDomainError(order)) return order;
  return [
    {
      type: 'OrderShipped',
      data: { orderId: order.orderId, customerId: order.customerId, shippedAt: command.at },
    },
  ];
};

const deliver = (command: DeliverOrder, state: OrderState): Decision => {
  const order = requireStatus(command, state);
  if (isDomainError(order)) return order;
  return [
    {
      type: 'OrderDelivered',
      data: { orderId: order.orderId, customerId: order.customerId, deliveredAt: command.at },
    },
  ];
};

const cancel = (command: CancelOrder, state: OrderState): Decision => {
  const order = requireStatus(command, state);
  if (isDomainError(order)) return order;
  if (!isOneOf(CANCEL_REASONS, command.reason)) return invalidReason(CANCEL_REASONS);
  const { orderId, customerId } = order;
  const { reason, at } = command;
  return [{ type: 'OrderCancelled', data: { orderId, customerId, reason, cancelledAt: at } }];
};

const refund = (command: IssueRefund, state: OrderState): Decision => {
  const order = requireStatus(command, state);
  if (isDomainError(order)) return order;
  const invalid = requireAmountFor(order, command.amount, 'refund');
  if (invalid) return invalid;
  if (command.reason !== null && !isOneOf(REFUND_REASONS, command.reason)) {
    return invalidReason(REFUND_REASONS);
  }
  const refundable = order.paid - order.refunded;
  if (command.amount.amount > refundable) {
    return domainError(
      'conflict',
      'REFUND_EXCEEDS_PAID',
      `refund of ${command.amount.amount} exceeds the ${refundable} ${order.currency} paid and not yet refunded on order ${order.orderId}`,
    );
  }
  const { orderId, customerId, currency } = order;
  return [
    {
      type: 'RefundIssued',
      data: {
        orderId,
        customerId,
        amount: command.amount.amount,
        currency,
        reason: command.reason,
        refundedAt: command.at,
      },
    },
  ];
};

export const decideOrder = (command: OrderCommand, state: OrderState): Decision => {
  switch (command.type) {
    case 'PlaceOrder':
      return place(command, state);
    case 'ConfirmOrder':
      return confirm(command, state);
    case 'RecordPayment':
      return recordPayment(command, state);
    case 'ShipOrder':
      return ship(command, state);
    case 'DeliverOrder':
      return deliver(command, state);
    case 'CancelOrder':
      return cancel(command, state);
    case 'IssueRefund':
      return refund(command, state);
    default: {
      const unknownCommand: never = command;
      return unknownCommand;
    }
  }
};

export const orderDecider: Decider<OrderCommand, OrderEvent, OrderState> = {
  decide: decideOrder,
  evolve: evolveOrder,
  initialState: initialOrderState,
};
