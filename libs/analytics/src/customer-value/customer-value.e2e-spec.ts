import { contextModules, segmentLookup } from '@crm/composition';
import type { TestApp } from '../../../../test/support/test-app';
import { startTestApp } from '../../../../test/support/test-app';
import { RfmAnalyticsModule } from '../rfm/rfm-analytics.module';
import { CustomerValueAnalyticsModule } from './customer-value-analytics.module';

// Runs once the app is composed with sales analytics (libs/composition).
const wired =
  contextModules.includes(CustomerValueAnalyticsModule) &&
  contextModules.includes(RfmAnalyticsModule) &&
  segmentLookup !== null;
const describeWired = wired ? describe : describe.skip;

let counter = 0;
const aCustomer = () => {
  counter += 1;
  return { name: `Value Customer ${counter}`, email: `value.${counter}@example.com` };
};

describeWired('customer value, RFM and the profile over HTTP', () => {
  let t: TestApp;
  let service: string;
  let analyst: string;
  let position = 0;

  const createCustomer = async (): Promise<string> =>
    (await t.request('POST', '/customers', { key: service, body: aCustomer() })).body.id;
  const placeOrder = async (
    customerId: string,
    unitPrice: number,
    currency = 'EUR',
  ): Promise<string> => {
    const placed = await t.request('POST', '/orders', {
      key: service,
      body: { customerId, currency, lines: [{ sku: 'SKU-1', quantity: 1, unitPrice }] },
    });
    position = placed.body.position;
    return placed.body.id;
  };
  const act = async (orderId: string, action: string, body?: unknown) => {
    const response = await t.request('POST', `/orders/${orderId}/${action}`, {
      key: service,
      body,
    });
    expect(response.status).toBe(200);
    position = response.body.position;
  };
  const get = (path: string) =>
    t.request('GET', `${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`, {
      key: analyst,
    });

  let big: string;
  let small: string;
  let cancelled: string;

  beforeAll(async () => {
    t = await startTestApp();
    service = await t.keyFor('service');
    analyst = await t.keyFor('analyst');
    big = await createCustomer();
    small = await createCustomer();
    cancelled = await createCustomer();
    const first = await placeOrder(big, 10);
    await placeOrder(big, 20);
    const refundedOrder = await placeOrder(big, 10_000);
    await act(refundedOrder, 'pay', { amount: 10_000, currency: 'EUR' });
    await act(refundedOrder, 'refunds', { amount: 2_500, currency: 'EUR' });
    await act(first, 'confirm');
    await placeOrder(small, 700);
    await placeOrder(small, 5_000, 'JPY');
    const gone = await placeOrder(cancelled, 9_999);
    await act(gone, 'pay', { amount: 9_999, currency: 'EUR' });
    await act(gone, 'cancel', { reason: 'customer_request' });
  });
  afterAll(() => t.close());

  it('reports value net of cancellations and refunds, per currency, with the top customers', async () => {
    const report = await get('/analytics/customer-value?top=1');
    expect(report.status).toBe(200);
    expect(report.body.totals).toEqual([
      {
        currency: 'EUR',
        amount: 10 + 20 + 7_500 + 700,
        amountExact: String(10 + 20 + 7_500 + 700),
        customers: 2,
        orders: 4,
        averageOrderValue: 2058,
      },
      {
        currency: 'JPY',
        amount: 5_000,
        amountExact: '5000',
        customers: 1,
        orders: 1,
        averageOrderValue: 5_000,
      },
    ]);
    expect(report.body.top).toEqual([
      {
        currency: 'EUR',
        customers: [
          {
            customerId: big,
            value: { amount: 7_530, amountExact: '7530', currency: 'EUR' },
            orderCount: 3,
            averageOrderValue: { amount: 2_510, currency: 'EUR' },
          },
        ],
      },
      {
        currency: 'JPY',
        customers: [
          {
            customerId: small,
            value: { amount: 5_000, amountExact: '5000', currency: 'JPY' },
            orderCount: 1,
            averageOrderValue: { amount: 5_000, currency: 'JPY' },
          },
        ],
      },
    ]);
  });

  it('filters by currency and refuses a code that is not ISO 4217', async () => {
    const report = await get('/analytics/customer-value?currency=JPY');
    expect(report.body.totals.map((row: { currency: string }) => row.currency)).toEqual(['JPY']);
    const bad = await get('/analytics/customer-value?currency=XYZ');
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([
      expect.objectContaining({ field: 'currency', rule: 'isCurrencyCode' }),
    ]);
    expect((await get('/analytics/customer-value?top=501')).body.details).toEqual([
      expect.objectContaining({ field: 'top', rule: 'max' }),
    ]);
  });

  it('shows order count, value and the RFM segment on the customer profile', async () => {
    const profile = await get(`/customers/${big}`);
    expect(profile.status).toBe(200);
    expect(profile.body.orders).toEqual({
      orderCount: 3,
      value: [{ amount: 7_530, amountExact: '7530', currency: 'EUR' }],
      averageOrderValue: [{ amount: 2_510, currency: 'EUR' }],
      firstOrderAt: expect.any(String),
      lastOrderAt: expect.any(String),
    });
    // Two customers, both ordering today: recency ties (3); the bigger, more frequent one scores 4.
    expect(profile.body.rfm).toEqual({ segment: 'loyal', r: 3, f: 4, m: 4 });
    const none = await get(`/customers/${cancelled}`);
    expect(none.body.orders).toMatchObject({ orderCount: 0, value: [] });
    expect(none.body.rfm).toEqual({ segment: null, r: null, f: null, m: null });
  });

  it('scores RFM as of a date and finds the customers of a segment', async () => {
    const report = await get('/analytics/rfm');
    expect(report.status).toBe(200);
    expect(report.body.customers).toBe(2);
    const bigScore = report.body.items.find(
      (item: { customerId: string }) => item.customerId === big,
    );
    expect(bigScore).toMatchObject({
      segment: 'loyal',
      r: 3,
      f: 4,
      m: 4,
      frequency: 3,
      recencyDays: 0,
    });
    const members = await get('/customers?segment=loyal');
    expect(members.body.items.map((c: { customerId: string }) => c.customerId)).toEqual([big]);
    const others = await get('/customers?segment=potential_loyalists');
    expect(others.body.items.map((c: { customerId: string }) => c.customerId)).toEqual([small]);
    const before = await get('/analytics/rfm?asOf=2000-01-01');
    expect(before.body).toMatchObject({
      asOf: '2000-01-01T00:00:00.000Z',
      customers: 0,
      items: [],
    });
    const later = await get('/analytics/rfm?asOf=2100-01-01T00:00:00Z');
    expect(later.body.items[0].recencyDays).toBeGreaterThan(25_000);
  });

  it('refuses an unknown segment or date with 400', async () => {
    expect((await get('/analytics/rfm?segment=whales')).body.details).toEqual([
      expect.objectContaining({ field: 'segment', rule: 'isIn' }),
    ]);
    expect((await get('/analytics/rfm?asOf=yesterday')).status).toBe(400);
    expect((await get('/customers?segment=whales')).status).toBe(400);
  });

  it('pages RFM results with an opaque cursor', async () => {
    const first = await get('/analytics/rfm?limit=1');
    expect(first.body.items).toHaveLength(1);
    const second = await get(`/analytics/rfm?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].customerId).not.toBe(first.body.items[0].customerId);
    expect(second.body.nextCursor).toBeNull();
    expect((await get('/analytics/rfm?cursor=garbage')).status).toBe(400);
  });

  it('documents the analytics endpoints in OpenAPI', async () => {
    const docs = await t.request('GET', '/docs-json', { key: null });
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/analytics/customer-value', '/analytics/rfm']),
    );
  });
});
