import { contextModules } from '@crm/composition';
import type { TestApp } from '../../../test/support/test-app';
import { startTestApp } from '../../../test/support/test-app';
import { MAX_AMOUNT } from '../src/domain/money-limits';
import { SalesModule } from '../src/sales.module';

// Runs once the app is composed with the sales module (libs/composition).
const describeWired = contextModules.includes(SalesModule) ? describe : describe.skip;

let counter = 0;
const aCustomer = () => {
  counter += 1;
  return { name: `Grace Hopper ${counter}`, email: `grace.${counter}@example.com` };
};
const aLine = (overrides: Record<string, unknown> = {}) => ({
  sku: 'SKU-1',
  quantity: 1,
  unitPrice: 1000,
  ...overrides,
});

describeWired('orders over HTTP', () => {
  let t: TestApp;
  let service: string;
  let analyst: string;
  let customerId: string;

  const placeOrder = async (
    body: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) =>
    t.request('POST', '/orders', {
      key: service,
      headers,
      body: { customerId, currency: 'EUR', lines: [aLine()], ...body },
    });
  const act = (orderId: string, action: string, body?: unknown) =>
    t.request('POST', `/orders/${orderId}/${action}`, { key: service, body });
  const read = (orderId: string, position: number) =>
    t.request('GET', `/orders/${orderId}?minPosition=${position}`, { key: analyst });

  beforeAll(async () => {
    t = await startTestApp();
    service = await t.keyFor('service');
    analyst = await t.keyFor('analyst');
    const created = await t.request('POST', '/customers', { key: service, body: aCustomer() });
    customerId = created.body.id;
  });
  afterAll(() => t.close());

  it('places an order, computing the total in minor units (0.10 + 0.20 = 0.30), and reads it back', async () => {
    const placed = await placeOrder({
      lines: [aLine({ unitPrice: 10 }), aLine({ sku: 'SKU-2', unitPrice: 20 })],
    });
    expect(placed.status).toBe(201);
    expect(placed.body).toEqual({
      id: expect.any(String),
      streamRevision: 0,
      position: expect.any(Number),
    });
    const order = await read(placed.body.id, placed.body.position);
    expect(order.status).toBe(200);
    expect(order.body).toMatchObject({
      orderId: placed.body.id,
      customerId,
      status: 'placed',
      total: { amount: 30, currency: 'EUR' },
      balance: { amount: 30, currency: 'EUR' },
      lines: [
        {
          sku: 'SKU-1',
          quantity: 1,
          unitPrice: { amount: 10, currency: 'EUR' },
          lineTotal: { amount: 10, currency: 'EUR' },
        },
        {
          sku: 'SKU-2',
          quantity: 1,
          unitPrice: { amount: 20, currency: 'EUR' },
          lineTotal: { amount: 20, currency: 'EUR' },
        },
      ],
    });
  });

  it('runs the whole lifecycle and refuses illegal steps with 409 naming the status', async () => {
    const { body: placed } = await placeOrder({ lines: [aLine({ quantity: 2, unitPrice: 2500 })] });
    const id: string = placed.id;
    expect((await act(id, 'ship')).body).toMatchObject({
      statusCode: 409,
      code: 'ILLEGAL_ORDER_TRANSITION',
      message: expect.stringMatching(/it is placed/),
    });
    expect((await act(id, 'confirm')).status).toBe(200);
    expect((await act(id, 'pay', { amount: 2000, currency: 'EUR' })).status).toBe(200);
    const overpaid = await act(id, 'pay', { amount: 3001, currency: 'EUR' });
    expect(overpaid.body).toMatchObject({
      statusCode: 409,
      code: 'OVERPAYMENT',
      message: expect.stringMatching(/3000 EUR still due/),
    });
    expect((await act(id, 'pay', { amount: 3000, currency: 'EUR' })).status).toBe(200);
    expect((await act(id, 'ship')).status).toBe(200);
    const lateCancel = await act(id, 'cancel', { reason: 'customer_request' });
    expect(lateCancel.body).toMatchObject({
      statusCode: 409,
      message: expect.stringMatching(/it is shipped/),
    });
    expect((await act(id, 'deliver')).status).toBe(200);
    expect((await act(id, 'refunds', { amount: 5001, currency: 'EUR' })).body).toMatchObject({
      statusCode: 409,
      code: 'REFUND_EXCEEDS_PAID',
    });
    const refunded = await act(id, 'refunds', {
      amount: 1500,
      currency: 'EUR',
      reason: 'damaged',
    });
    expect(refunded.status).toBe(200);
    const order = await read(id, refunded.body.position);
    expect(order.body).toMatchObject({
      status: 'delivered',
      total: { amount: 5000, currency: 'EUR' },
      paid: { amount: 5000, currency: 'EUR' },
      refunded: { amount: 1500, currency: 'EUR' },
      balance: { amount: 0, currency: 'EUR' },
      refunds: [{ amount: { amount: 1500, currency: 'EUR' }, reason: 'damaged' }],
    });
  });

  it('cancels an unshipped order and still refunds what was paid', async () => {
    const { body: placed } = await placeOrder();
    await act(placed.id, 'pay', { amount: 400, currency: 'EUR' });
    expect((await act(placed.id, 'cancel', { reason: 'customer_request' })).status).toBe(200);
    expect((await act(placed.id, 'pay', { amount: 1, currency: 'EUR' })).body.message).toMatch(
      /it is cancelled/,
    );
    const refunded = await act(placed.id, 'refunds', { amount: 400, currency: 'EUR' });
    expect((await read(placed.id, refunded.body.position)).body).toMatchObject({
      status: 'cancelled',
      cancelReason: 'customer_request',
      refunded: { amount: 400 },
    });
  });

  it('takes reasons as codes and names the allowed ones', async () => {
    const { body: placed } = await placeOrder();
    const cancelled = await act(placed.id, 'cancel', { reason: 'my address is 1 Main St' });
    expect(cancelled.status).toBe(400);
    expect(cancelled.body.details).toEqual([
      expect.objectContaining({ field: 'reason', rule: 'isIn' }),
    ]);
    expect((await act(placed.id, 'cancel', {})).body.details).toEqual([
      expect.objectContaining({ field: 'reason' }),
    ]);
  });

  it('refuses a payment in another currency than the order’s', async () => {
    const { body: placed } = await placeOrder();
    const paid = await act(placed.id, 'pay', { amount: 100, currency: 'USD' });
    expect(paid.status).toBe(400);
    expect(paid.body).toMatchObject({
      code: 'CURRENCY_MISMATCH',
      message: expect.stringMatching(/USD.*EUR/),
    });
  });

  it.each([
    ['a currency that is not ISO 4217', { currency: 'EURO' }, 'currency', 'isCurrencyCode'],
    ['a lower-case currency', { currency: 'eur' }, 'currency', 'isCurrencyCode'],
    ['no lines', { lines: [] }, 'lines', 'arrayMinSize'],
    [
      'more than 200 lines',
      { lines: Array.from({ length: 201 }, () => aLine()) },
      'lines',
      'arrayMaxSize',
    ],
    ['a zero quantity', { lines: [aLine({ quantity: 0 })] }, 'lines.0.quantity', 'min'],
    ['a float price', { lines: [aLine({ unitPrice: 0.1 })] }, 'lines.0.unitPrice', 'isInt'],
    [
      'a price as a string',
      { lines: [aLine({ unitPrice: '10.00' })] },
      'lines.0.unitPrice',
      'isInt',
    ],
    ['a negative price', { lines: [aLine({ unitPrice: -1 })] }, 'lines.0.unitPrice', 'min'],
    [
      'the issue 17 price 2^53 − 1',
      { lines: [aLine({ unitPrice: Number.MAX_SAFE_INTEGER })] },
      'lines.0.unitPrice',
      'max',
    ],
    [
      'a price past the money limit',
      { lines: [aLine({ unitPrice: MAX_AMOUNT + 1 })] },
      'lines.0.unitPrice',
      'max',
    ],
    [
      'a total past the money limit from allowed lines',
      { lines: [aLine({ unitPrice: MAX_AMOUNT }), aLine({ sku: 'SKU-2', unitPrice: 1 })] },
      'lines',
      'maxTotal',
    ],
    [
      'a quantity × price past the money limit',
      { lines: [aLine({ quantity: 3, unitPrice: MAX_AMOUNT / 2 })] },
      'lines',
      'maxTotal',
    ],
    ['an empty sku', { lines: [aLine({ sku: '' })] }, 'lines.0.sku', 'matches'],
    ['a customer id that is not a uuid', { customerId: '42' }, 'customerId', 'isUuid'],
    ['an unknown field', { discount: 5 }, 'discount', 'unknownField'],
  ])('answers 400 naming field and rule for %s', async (_name, body, field, rule) => {
    const response = await placeOrder(body);
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field, rule })]),
    );
  });

  it.each([
    ['a float amount', { amount: 1.5, currency: 'EUR' }, 'amount', 'isInt'],
    ['a zero amount', { amount: 0, currency: 'EUR' }, 'amount', 'min'],
    ['no currency', { amount: 100 }, 'currency', 'isCurrencyCode'],
    [
      'an amount past the money limit',
      { amount: MAX_AMOUNT + 1, currency: 'EUR' },
      'amount',
      'max',
    ],
  ])('answers 400 for a payment with %s', async (_name, body, field, rule) => {
    const { body: placed } = await placeOrder();
    const response = await act(placed.id, 'pay', body);
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field, rule })]),
    );
  });

  it('refuses an order for a customer that does not exist (404) or was forgotten (409)', async () => {
    const missing = await placeOrder({ customerId: '8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' });
    expect(missing.body).toMatchObject({ statusCode: 404, code: 'CUSTOMER_NOT_FOUND' });
    const { body: other } = await t.request('POST', '/customers', {
      key: service,
      body: aCustomer(),
    });
    await t.request('POST', `/customers/${other.id}/forget`, {});
    const forgotten = await placeOrder({ customerId: other.id });
    expect(forgotten.body).toMatchObject({ statusCode: 409, code: 'CUSTOMER_FORGOTTEN' });
  });

  it('answers 404 for an unknown order and 400 for an id that is not a uuid', async () => {
    expect((await act('8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'confirm')).body).toMatchObject({
      statusCode: 404,
      code: 'ORDER_NOT_FOUND',
    });
    expect((await t.request('GET', '/orders/nope', { key: analyst })).status).toBe(400);
  });

  it('appends nothing for a retried request with the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': `order-${counter}-retry-1` };
    const first = await placeOrder({}, headers);
    const retry = await placeOrder({}, headers);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
  });

  it('lists a customer’s orders by status, newest first, paged', async () => {
    const { body: buyer } = await t.request('POST', '/customers', {
      key: service,
      body: aCustomer(),
    });
    const ids: string[] = [];
    let position = 0;
    for (let i = 0; i < 3; i += 1) {
      const placed = await placeOrder({ customerId: buyer.id });
      ids.push(placed.body.id);
      position = placed.body.position;
    }
    const confirmed = await act(ids[0] as string, 'confirm');
    position = confirmed.body.position;
    const page = await t.request(
      'GET',
      `/orders?customerId=${buyer.id}&status=placed&limit=1&minPosition=${position}`,
      { key: analyst },
    );
    expect(page.status).toBe(200);
    expect(page.body.items.map((o: { orderId: string }) => o.orderId)).toEqual([ids[2]]);
    const next = await t.request(
      'GET',
      `/orders?customerId=${buyer.id}&status=placed&limit=1&cursor=${page.body.nextCursor}`,
      { key: analyst },
    );
    expect(next.body.items.map((o: { orderId: string }) => o.orderId)).toEqual([ids[1]]);
    expect((await t.request('GET', '/orders?status=lost', { key: analyst })).status).toBe(400);
  });

  it('lets analysts read but not write', async () => {
    const response = await t.request('POST', '/orders', {
      key: analyst,
      body: { customerId, currency: 'EUR', lines: [aLine()] },
    });
    expect(response.status).toBe(403);
  });

  it('documents the order endpoints in OpenAPI', async () => {
    const docs = await t.request('GET', '/docs-json', { key: null });
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/orders',
        '/orders/{id}',
        '/orders/{id}/pay',
        '/orders/{id}/refunds',
        '/orders/{id}/cancel',
      ]),
    );
  });
});
