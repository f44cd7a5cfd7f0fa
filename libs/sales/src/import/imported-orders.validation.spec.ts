import { MAX_AMOUNT } from '../domain/money-limits';
import { MAX_IMPORTED_ORDERS } from './imported-order.dto';
import { validateImportedOrders } from './imported-orders.validation';

const NOW = new Date('2026-01-01T00:00:00.000Z');

const aLine = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  sku: 'BOOK-1',
  quantity: 2,
  unitPrice: 1250,
  ...overrides,
});

const anOrder = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  ref: 'SO-1001',
  currency: 'EUR',
  lines: [aLine()],
  placedAt: '2019-06-30T09:15:00Z',
  ...overrides,
});

const sut = (value: unknown) => validateImportedOrders(value, NOW);

/** The field and rule of the refusal of one order carrying `overrides`. */
const refusalOf = (overrides: Record<string, unknown>) => {
  const outcome = sut([anOrder(overrides)]);
  return 'rule' in outcome ? { field: outcome.field, rule: outcome.rule } : null;
};

describe('validateImportedOrders', () => {
  describe('a valid row', () => {
    it('takes a missing orders field as no orders', () => {
      expect(sut(undefined)).toEqual({ orders: [] });
    });

    it('defaults the status to placed and computes the total like the decider', () => {
      expect(
        sut([anOrder({ lines: [aLine(), aLine({ sku: 'PEN', quantity: 1, unitPrice: 99 })] })]),
      ).toEqual({
        orders: [
          {
            ref: 'SO-1001',
            currency: 'EUR',
            lines: [
              { sku: 'BOOK-1', quantity: 2, unitPrice: 1250 },
              { sku: 'PEN', quantity: 1, unitPrice: 99 },
            ],
            total: 2599,
            placedAt: '2019-06-30T09:15:00.000Z',
            status: 'placed',
            cancelReason: null,
            refunded: null,
          },
        ],
      });
    });

    it('keeps the historical placedAt, normalised to UTC', () => {
      const outcome = sut([anOrder({ placedAt: '2018-02-03T23:30:00+02:00' })]);
      expect(outcome).toMatchObject({ orders: [{ placedAt: '2018-02-03T21:30:00.000Z' }] });
    });

    it('defaults the reason of a cancelled order to other and keeps a refund reason', () => {
      const outcome = sut([
        anOrder({ status: 'cancelled', refunded: { amount: 100, reason: 'order_cancelled' } }),
      ]);
      expect(outcome).toMatchObject({
        orders: [
          {
            status: 'cancelled',
            cancelReason: 'other',
            refunded: { amount: 100, reason: 'order_cancelled' },
          },
        ],
      });
    });
  });

  describe('the orders field', () => {
    it.each([
      ['not an array', 'SO-1', { field: 'orders', rule: 'isArray' }],
      ['an empty object', {}, { field: 'orders', rule: 'isArray' }],
      ['an array of numbers', [1], { field: 'orders.0', rule: 'nestedValidation' }],
      ['an array with null', [null], { field: 'orders.0', rule: 'nestedValidation' }],
    ])('refuses %s', (_, value, expected) => {
      expect(sut(value)).toMatchObject(expected);
    });

    it(`refuses more than ${MAX_IMPORTED_ORDERS} orders`, () => {
      const orders = Array.from({ length: MAX_IMPORTED_ORDERS + 1 }, (_, i) =>
        anOrder({ ref: `SO-${i}` }),
      );
      expect(sut(orders)).toMatchObject({ field: 'orders', rule: 'arrayMaxSize' });
    });

    it('names the first failing field with its path', () => {
      const outcome = sut([anOrder(), anOrder({ ref: 'SO-2', lines: [aLine({ unitPrice: -1 })] })]);
      expect(outcome).toEqual({
        field: 'orders.1.lines.0.unitPrice',
        rule: 'min',
        message: 'unitPrice must not be less than 0',
      });
    });

    it('refuses a field it does not know', () => {
      expect(refusalOf({ channel: 'web' })).toEqual({
        field: 'orders.0.channel',
        rule: 'unknownField',
      });
    });
  });

  describe('per order', () => {
    it.each<[string, Record<string, unknown>, { field: string; rule: string }]>([
      ['a missing ref', { ref: undefined }, { field: 'orders.0.ref', rule: 'isString' }],
      ['a numeric ref', { ref: 1001 }, { field: 'orders.0.ref', rule: 'isString' }],
      ['an empty ref', { ref: '' }, { field: 'orders.0.ref', rule: 'matches' }],
      ['a ref of 101 chars', { ref: 'R'.repeat(101) }, { field: 'orders.0.ref', rule: 'isLength' }],
      ['a blank ref', { ref: '   ' }, { field: 'orders.0.ref', rule: 'matches' }],
      ['a ref with a trailing space', { ref: 'SO-1 ' }, { field: 'orders.0.ref', rule: 'matches' }],
      [
        'a lower-case currency',
        { currency: 'eur' },
        { field: 'orders.0.currency', rule: 'isCurrencyCode' },
      ],
      [
        'an unknown currency',
        { currency: 'XYZ' },
        { field: 'orders.0.currency', rule: 'isCurrencyCode' },
      ],
      ['no lines', { lines: [] }, { field: 'orders.0.lines', rule: 'arrayMinSize' }],
      ['lines that are not a list', { lines: 'x' }, { field: 'orders.0.lines', rule: 'isArray' }],
      [
        '201 lines',
        { lines: Array.from({ length: 201 }, () => aLine()) },
        { field: 'orders.0.lines', rule: 'arrayMaxSize' },
      ],
      [
        'a bad sku',
        { lines: [aLine({ sku: '-x' })] },
        { field: 'orders.0.lines.0.sku', rule: 'matches' },
      ],
      [
        'a zero quantity',
        { lines: [aLine({ quantity: 0 })] },
        { field: 'orders.0.lines.0.quantity', rule: 'min' },
      ],
      [
        'a fractional quantity',
        { lines: [aLine({ quantity: 1.5 })] },
        { field: 'orders.0.lines.0.quantity', rule: 'isInt' },
      ],
      [
        'a float unit price',
        { lines: [aLine({ unitPrice: 12.5 })] },
        { field: 'orders.0.lines.0.unitPrice', rule: 'isInt' },
      ],
      [
        'the issue 17 unit price 2^53 − 1',
        { lines: [aLine({ quantity: 1, unitPrice: Number.MAX_SAFE_INTEGER })] },
        { field: 'orders.0.lines.0.unitPrice', rule: 'max' },
      ],
      [
        'a unit price past the money limit',
        { lines: [aLine({ quantity: 1, unitPrice: MAX_AMOUNT + 1 })] },
        { field: 'orders.0.lines.0.unitPrice', rule: 'max' },
      ],
      [
        'a total past the money limit from lines that are each allowed',
        { lines: [aLine({ quantity: 1, unitPrice: MAX_AMOUNT }), aLine({ quantity: 1 })] },
        { field: 'orders.0.lines', rule: 'maxTotal' },
      ],
      [
        'a refund past the money limit',
        { status: 'paid', refunded: { amount: MAX_AMOUNT + 1 } },
        { field: 'orders.0.refunded.amount', rule: 'max' },
      ],
      [
        'a date without a time',
        { placedAt: '2019-06-30' },
        { field: 'orders.0.placedAt', rule: 'isIsoDateTime' },
      ],
      [
        'a time without an offset',
        { placedAt: '2019-06-30T09:15:00' },
        { field: 'orders.0.placedAt', rule: 'isIsoDateTime' },
      ],
      [
        'an impossible date',
        { placedAt: '2019-02-30T09:15:00Z' },
        { field: 'orders.0.placedAt', rule: 'isIsoDateTime' },
      ],
      [
        'a time in the future',
        { placedAt: '2026-01-01T00:00:01Z' },
        { field: 'orders.0.placedAt', rule: 'notInFuture' },
      ],
      ['an unknown status', { status: 'open' }, { field: 'orders.0.status', rule: 'isIn' }],
      [
        'an unknown cancel reason',
        { status: 'cancelled', cancelReason: 'bored' },
        { field: 'orders.0.cancelReason', rule: 'isIn' },
      ],
      [
        'a cancel reason on an order not cancelled',
        { status: 'paid', cancelReason: 'duplicate' },
        { field: 'orders.0.cancelReason', rule: 'onlyWhenCancelled' },
      ],
      [
        'a refund that is a number',
        { status: 'paid', refunded: 100 },
        { field: 'orders.0.refunded', rule: 'nestedValidation' },
      ],
      [
        'a refund of 0',
        { status: 'paid', refunded: { amount: 0 } },
        { field: 'orders.0.refunded.amount', rule: 'min' },
      ],
      [
        'a refund in major units',
        { status: 'paid', refunded: { amount: 12.5 } },
        { field: 'orders.0.refunded.amount', rule: 'isInt' },
      ],
      [
        'an unknown refund reason',
        { status: 'paid', refunded: { amount: 100, reason: 'whim' } },
        { field: 'orders.0.refunded.reason', rule: 'isIn' },
      ],
      [
        'a refund with its own currency',
        { status: 'paid', refunded: { amount: 100, currency: 'USD' } },
        { field: 'orders.0.refunded.currency', rule: 'unknownField' },
      ],
      [
        'a refund of an order never paid',
        { status: 'confirmed', refunded: { amount: 100 } },
        { field: 'orders.0.refunded', rule: 'requiresPayment' },
      ],
      [
        'a refund above the order total',
        { status: 'delivered', refunded: { amount: 2501 } },
        { field: 'orders.0.refunded.amount', rule: 'max' },
      ],
    ])('refuses %s', (_, overrides, expected) => {
      expect(refusalOf(overrides)).toEqual(expected);
    });

    it('accepts a placedAt exactly now and a refund of the whole total', () => {
      expect(
        refusalOf({ placedAt: NOW.toISOString(), status: 'paid', refunded: { amount: 2500 } }),
      ).toBeNull();
    });

    it('refuses a ref used twice in the same row, naming the later one', () => {
      expect(sut([anOrder(), anOrder({ ref: 'SO-2' }), anOrder()])).toEqual({
        field: 'orders.2.ref',
        rule: 'unique',
        message: 'ref SO-1001 is already used by orders.0',
      });
    });
  });
});
