import { deciderSpec } from '@crm/eventsourcing/testing';
import type { CancelReason, OrderEvent, OrderLine, RefundReason } from './order';
import type { OrderCommand } from './order.decider';
import { orderDecider } from './order.decider';
import { MAX_ORDER_LINES } from './order-lines';
import { MAX_AMOUNT, MAX_QUANTITY } from './money-limits';

const spec = deciderSpec(orderDecider);
const orderId = '0b6f3c1e-8a2d-4f5b-9c7e-1d2e3f4a5b6c';
const customerId = '7d3c5a2e-1f4b-4c6d-8e9f-0a1b2c3d4e5f';
const at = '2025-03-01T10:00:00.000Z';

const aLine = (overrides: Partial<OrderLine> = {}): OrderLine => ({
  sku: 'SKU-1',
  quantity: 1,
  unitPrice: 1000,
  ...overrides,
});

const placeOrder = (
  overrides: Partial<Extract<OrderCommand, { type: 'PlaceOrder' }>> = {},
): OrderCommand => ({
  type: 'PlaceOrder',
  orderId,
  customerId,
  currency: 'EUR',
  lines: [aLine()],
  campaignId: null,
  at,
  ...overrides,
});

const placed = (lines: OrderLine[] = [aLine()], total = 1000): OrderEvent => ({
  type: 'OrderPlaced',
  data: { orderId, customerId, currency: 'EUR', lines, total, campaignId: null, placedAt: at },
});
const confirmed: OrderEvent = {
  type: 'OrderConfirmed',
  data: { orderId, customerId, confirmedAt: at },
};
const paid = (amount: number): OrderEvent => ({
  type: 'PaymentRecorded',
  data: { orderId, customerId, amount, currency: 'EUR', paidAt: at },
});
const shipped: OrderEvent = { type: 'OrderShipped', data: { orderId, customerId, shippedAt: at } };
const delivered: OrderEvent = {
  type: 'OrderDelivered',
  data: { orderId, customerId, deliveredAt: at },
};
const cancelled: OrderEvent = {
  type: 'OrderCancelled',
  data: { orderId, customerId, reason: 'customer_request', cancelledAt: at },
};
const refunded = (amount: number, reason: RefundReason | null = null): OrderEvent => ({
  type: 'RefundIssued',
  data: { orderId, customerId, amount, currency: 'EUR', reason, refundedAt: at },
});

const confirm: OrderCommand = { type: 'ConfirmOrder', orderId, at };
const pay = (amount: number, currency = 'EUR'): OrderCommand => ({
  type: 'RecordPayment',
  orderId,
  amount: { amount, currency },
  at,
});
const ship: OrderCommand = { type: 'ShipOrder', orderId, at };
const deliver: OrderCommand = { type: 'DeliverOrder', orderId, at };
const cancel = (reason: string = 'customer_request'): OrderCommand => ({
  type: 'CancelOrder',
  orderId,
  reason: reason as CancelReason,
  at,
});
const refund = (amount: number, currency = 'EUR'): OrderCommand => ({
  type: 'IssueRefund',
  orderId,
  amount: { amount, currency },
  reason: null,
  at,
});

describe('order decider', () => {
  describe('given no order', () => {
    it('places the order with the total computed in minor units', () =>
      spec
        .given([])
        .when(
          placeOrder({
            lines: [aLine({ quantity: 3, unitPrice: 199 }), aLine({ sku: 'SKU-2', unitPrice: 1 })],
          }),
        )
        .then([
          placed(
            [aLine({ quantity: 3, unitPrice: 199 }), aLine({ sku: 'SKU-2', unitPrice: 1 })],
            598,
          ),
        ]));

    it('adds prices that float arithmetic gets wrong exactly (0.10 + 0.20 = 0.30)', () =>
      spec
        .given([])
        .when(
          placeOrder({ lines: [aLine({ unitPrice: 10 }), aLine({ sku: 'SKU-2', unitPrice: 20 })] }),
        )
        .then([placed([aLine({ unitPrice: 10 }), aLine({ sku: 'SKU-2', unitPrice: 20 })], 30)]));

    it('keeps the campaign it was attributed to', () => {
      const result = orderDecider.decide(
        placeOrder({ campaignId: 'c-1' }),
        orderDecider.initialState,
      );
      expect(result).toEqual([{ ...placed(), data: { ...placed().data, campaignId: 'c-1' } }]);
    });

    it('places a free order (unit price 0)', () =>
      spec
        .given([])
        .when(placeOrder({ lines: [aLine({ unitPrice: 0 })] }))
        .then([placed([aLine({ unitPrice: 0 })], 0)]));

    it(`accepts ${MAX_ORDER_LINES} lines`, () => {
      const lines = Array.from({ length: MAX_ORDER_LINES }, (_, i) =>
        aLine({ sku: `S${i}`, unitPrice: 5 }),
      );
      spec
        .given([])
        .when(placeOrder({ lines }))
        .then([placed(lines, 5 * MAX_ORDER_LINES)]);
    });

    it.each([
      ['no lines', []],
      [
        `more than ${MAX_ORDER_LINES} lines`,
        Array.from({ length: MAX_ORDER_LINES + 1 }, () => aLine()),
      ],
    ])('refuses %s', (_name, lines) =>
      spec.given([]).when(placeOrder({ lines })).thenFails('ORDER_LINE_COUNT'),
    );

    it.each([
      ['a zero quantity', aLine({ quantity: 0 }), /quantity/],
      ['a fractional quantity', aLine({ quantity: 1.5 }), /quantity/],
      ['a negative unit price', aLine({ unitPrice: -1 }), /unitPrice/],
      ['a float unit price', aLine({ unitPrice: 0.1 }), /unitPrice/],
      ['an empty sku', aLine({ sku: ' ' }), /sku/],
    ])('refuses a line with %s, naming the line', (_name, line, rule) =>
      spec
        .given([])
        .when(placeOrder({ lines: [aLine(), line] }))
        .thenFails('INVALID_ORDER_LINE', new RegExp(`lines\\.1: ${rule.source}`)),
    );

    it.each([
      ['the issue 17 unit price 2^53 − 1', aLine({ unitPrice: Number.MAX_SAFE_INTEGER })],
      ['a unit price one past the limit', aLine({ unitPrice: MAX_AMOUNT + 1 })],
    ])('refuses %s, naming the line and the limit', (_name, line) =>
      spec
        .given([])
        .when(placeOrder({ lines: [aLine(), line] }))
        .thenFails('INVALID_ORDER_LINE', new RegExp(`lines\\.1: unitPrice .* to ${MAX_AMOUNT}`)),
    );

    it('refuses a quantity past the limit', () =>
      spec
        .given([])
        .when(placeOrder({ lines: [aLine({ quantity: MAX_QUANTITY + 1 })] }))
        .thenFails('INVALID_ORDER_LINE', /lines\.0: quantity .* to 1000000/));

    it('refuses an order whose lines are each allowed but whose total passes the limit', () =>
      spec
        .given([])
        .when(placeOrder({ lines: [aLine({ unitPrice: MAX_AMOUNT }), aLine({ unitPrice: 1 })] }))
        .thenFails('ORDER_TOTAL_TOO_LARGE', new RegExp(`at most ${MAX_AMOUNT}`)));

    it('places an order of exactly the limit', () =>
      spec
        .given([])
        .when(placeOrder({ lines: [aLine({ quantity: 4, unitPrice: MAX_AMOUNT / 4 })] }))
        .then([placed([aLine({ quantity: 4, unitPrice: MAX_AMOUNT / 4 })], MAX_AMOUNT)]));

    it('refuses a line whose quantity × unitPrice passes the limit', () =>
      spec
        .given([])
        .when(placeOrder({ lines: [aLine({ quantity: 2, unitPrice: MAX_AMOUNT - 1 })] }))
        .thenFails('ORDER_TOTAL_TOO_LARGE'));

    it.each(['EURO', 'eur', 'XAU', 'ABC'])('refuses currency %s', (currency) =>
      spec.given([]).when(placeOrder({ currency })).thenFails('INVALID_CURRENCY'),
    );

    it.each([confirm, pay(100), ship, deliver, cancel(), refund(100)])(
      'refuses $type for an order that does not exist',
      (command) => spec.given([]).when(command).thenFails('ORDER_NOT_FOUND', new RegExp(orderId)),
    );
  });

  describe('given a placed order', () => {
    it('refuses to place it again', () =>
      spec.given([placed()]).when(placeOrder()).thenFails('ORDER_ALREADY_EXISTS'));

    it('confirms it', () => spec.given([placed()]).when(confirm).then([confirmed]));

    it('records a partial payment', () =>
      spec
        .given([placed()])
        .when(pay(400))
        .then([paid(400)]));

    it('records payments up to the total', () =>
      spec
        .given([placed(), paid(400)])
        .when(pay(600))
        .then([paid(600)]));

    it('refuses an overpayment, naming what is still due', () =>
      spec
        .given([placed(), paid(400)])
        .when(pay(601))
        .thenFails('OVERPAYMENT', /600 EUR still due/));

    it('refuses any payment once fully paid', () =>
      spec
        .given([placed(), paid(1000)])
        .when(pay(1))
        .thenFails('OVERPAYMENT'));

    it('refuses a payment in another currency', () =>
      spec
        .given([placed()])
        .when(pay(100, 'USD'))
        .thenFails('CURRENCY_MISMATCH', /USD.*EUR/));

    it.each([0, -5, 1.5])('refuses a payment of %s', (amount) =>
      spec.given([placed()]).when(pay(amount)).thenFails('INVALID_AMOUNT'),
    );

    it('refuses a payment or refund past the money limit as invalid, not as a conflict', () => {
      spec
        .given([placed()])
        .when(pay(MAX_AMOUNT + 1))
        .thenFails('INVALID_AMOUNT', new RegExp(`to ${MAX_AMOUNT}`));
      spec
        .given([placed()])
        .when(refund(MAX_AMOUNT + 1))
        .thenFails('INVALID_AMOUNT', new RegExp(`to ${MAX_AMOUNT}`));
    });

    it('refuses to ship before confirmation, naming the status', () =>
      spec
        .given([placed()])
        .when(ship)
        .thenFails('ILLEGAL_ORDER_TRANSITION', /it is placed/));

    it('refuses to deliver', () =>
      spec
        .given([placed()])
        .when(deliver)
        .thenFails('ILLEGAL_ORDER_TRANSITION', /it is placed/));

    it('cancels it with a reason code', () =>
      spec.given([placed()]).when(cancel('customer_request')).then([cancelled]));

    it('refuses a reason that is not a reason code', () =>
      spec
        .given([placed()])
        .when(cancel('changed mind'))
        .thenFails('INVALID_REASON', /customer_request/));

    it('refunds part of what was paid', () =>
      spec
        .given([placed(), paid(700)])
        .when(refund(300))
        .then([refunded(300)]));

    it('keeps the reason code of a refund', () =>
      spec
        .given([placed(), paid(700)])
        .when({
          type: 'IssueRefund',
          orderId,
          amount: { amount: 700, currency: 'EUR' },
          reason: 'damaged',
          at,
        })
        .then([refunded(700, 'damaged')]));

    it('refuses a refund reason that is not a reason code', () =>
      spec
        .given([placed(), paid(700)])
        .when({
          type: 'IssueRefund',
          orderId,
          amount: { amount: 1, currency: 'EUR' },
          reason: 'meh' as RefundReason,
          at,
        })
        .thenFails('INVALID_REASON', /damaged/));

    it('refuses to refund more than paid minus refunded', () =>
      spec
        .given([placed(), paid(700), refunded(300)])
        .when(refund(401))
        .thenFails('REFUND_EXCEEDS_PAID', /400 EUR/));

    it('refuses a refund when nothing was paid', () =>
      spec.given([placed()]).when(refund(1)).thenFails('REFUND_EXCEEDS_PAID'));

    it('refuses a refund in another currency', () =>
      spec
        .given([placed(), paid(700)])
        .when(refund(100, 'GBP'))
        .thenFails('CURRENCY_MISMATCH'));
  });

  describe('given a confirmed order', () => {
    const history = [placed(), confirmed];

    it('refuses to confirm again', () =>
      spec
        .given(history)
        .when(confirm)
        .thenFails('ILLEGAL_ORDER_TRANSITION', /it is confirmed/));
    it('records a payment', () =>
      spec
        .given(history)
        .when(pay(1000))
        .then([paid(1000)]));
    it('ships it', () => spec.given(history).when(ship).then([shipped]));
    it('refuses to deliver before shipment', () =>
      spec
        .given(history)
        .when(deliver)
        .thenFails('ILLEGAL_ORDER_TRANSITION', /it is confirmed/));
    it('cancels it', () => spec.given(history).when(cancel()).then([cancelled]));
    it('refunds a payment', () =>
      spec
        .given([...history, paid(1000)])
        .when(refund(1000))
        .then([refunded(1000)]));
  });

  describe('given a shipped order', () => {
    const history = [placed(), confirmed, shipped];

    it('refuses to cancel after shipment', () =>
      spec
        .given(history)
        .when(cancel())
        .thenFails('ILLEGAL_ORDER_TRANSITION', /it is shipped/));
    it('refuses to confirm', () =>
      spec
        .given(history)
        .when(confirm)
        .thenFails('ILLEGAL_ORDER_TRANSITION', /it is shipped/));
    it('refuses to ship again', () =>
      spec
        .given(history)
        .when(ship)
        .thenFails('ILLEGAL_ORDER_TRANSITION', /it is shipped/));
    it('delivers it', () => spec.given(history).when(deliver).then([delivered]));
    it('records a payment (invoiced orders are paid after shipment)', () =>
      spec
        .given(history)
        .when(pay(250))
        .then([paid(250)]));
    it('refunds a payment', () =>
      spec
        .given([...history, paid(1000)])
        .when(refund(100))
        .then([refunded(100)]));
  });

  describe('given a delivered order', () => {
    const history = [placed(), confirmed, shipped, delivered];

    it.each([confirm, ship, deliver, cancel()])('refuses $type, naming the status', (command) =>
      spec
        .given(history)
        .when(command)
        .thenFails('ILLEGAL_ORDER_TRANSITION', /it is delivered/),
    );
    it('records the rest of the payment', () =>
      spec
        .given([...history, paid(400)])
        .when(pay(600))
        .then([paid(600)]));
    it('refunds a payment', () =>
      spec
        .given([...history, paid(1000)])
        .when(refund(1000))
        .then([refunded(1000)]));
    it('refuses a second full refund', () =>
      spec
        .given([...history, paid(1000), refunded(1000)])
        .when(refund(1))
        .thenFails('REFUND_EXCEEDS_PAID'));
  });

  describe('given a cancelled order', () => {
    const history = [placed(), paid(600), cancelled];

    it.each([confirm, pay(100), ship, deliver, cancel()])(
      'refuses $type, naming the status',
      (command) =>
        spec
          .given(history)
          .when(command)
          .thenFails('ILLEGAL_ORDER_TRANSITION', /it is cancelled/),
    );
    it('refunds what was paid', () =>
      spec
        .given(history)
        .when(refund(600))
        .then([refunded(600)]));
    it('refuses to refund more than was paid', () =>
      spec.given(history).when(refund(601)).thenFails('REFUND_EXCEEDS_PAID'));
  });
});
