import type { Http } from '../../libs/marketing/src/testing/campaign-http';
import { campaignSteps } from '../../libs/marketing/src/testing/campaign-http';
import { MAX_AMOUNT } from '../../libs/sales/src/domain/money-limits';
import { vaultSchema } from '@crm/platform';
import { describeWithPostgres, dropSchema, uniqueSchemaName } from '../support/postgres';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const MONEY_PROJECTIONS = ['customer-value-v2', 'customer-value-ranking-v2', 'campaigns'];

/**
 * Issue 17, item 2: one order line of 2^53 − 1 used to be accepted and then stop three read
 * models. Now the limit holds at the edge, and orders at the limit sum past 2^53 exactly. Run
 * on the embedded default and on PostgreSQL (JSONB documents, the rank key sorted by SQL).
 */
const exactMoneyEndToEnd =
  (start: () => Promise<TestApp>, stop: (t: TestApp) => Promise<void>) => () => {
    jest.setTimeout(60_000);
    let t: TestApp;
    let service: string;
    let analyst: string;
    let steps: ReturnType<typeof campaignSteps>;
    let small: string;
    let big: string;
    let campaign: string;
    let last = 0;

    /** Orders at the limit, less 0..9 minor units each so no two sums share a rounding. */
    const ORDERS = 10;
    const orderTotal = (i: number) => MAX_AMOUNT - i;
    const smallSum = Array.from({ length: ORDERS }, (_, i) => BigInt(orderTotal(i))).reduce(
      (a, b) => a + b,
    );
    // One minor unit more: past 2^53 the two sums are the same JSON number.
    const bigSum = smallSum + 1n;

    const get = async (path: string, key = analyst) => {
      const response = await t.request(
        'GET',
        `${path}${path.includes('?') ? '&' : '?'}minPosition=${last}`,
        { key },
      );
      if (response.status !== 200)
        throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    };

    beforeAll(async () => {
      t = await start();
      service = await t.keyFor('service');
      analyst = await t.keyFor('analyst');
      const http: Http = (method, path, options = {}) => t.request(method, path, options);
      steps = campaignSteps(http, service);
      small = await steps.customer(1, ['whales']);
      big = await steps.customer(2, ['whales']);
      campaign = await steps.plan({
        cost: { amount: MAX_AMOUNT, currency: 'EUR' },
        audience: { tags: ['whales'] },
      });
      await steps.launch(campaign);
      for (let i = 0; i < ORDERS; i += 1) {
        await steps.order(small, orderTotal(i));
        last = (await steps.order(big, orderTotal(i) + (i === ORDERS - 1 ? 1 : 0))).position;
      }
    });
    afterAll(() => stop(t));

    it('refuses the issue’s order line of 2^53 − 1 with 400 naming the field, and appends nothing', async () => {
      const refused = await t.request('POST', '/orders', {
        key: service,
        body: {
          customerId: small,
          currency: 'EUR',
          lines: [{ sku: 'SKU-1', quantity: 1, unitPrice: Number.MAX_SAFE_INTEGER }],
        },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'lines.0.unitPrice', rule: 'max' }),
        ]),
      );
      const orders = await get(`/orders?customerId=${small}&limit=100`);
      expect(orders.items).toHaveLength(ORDERS);
    });

    it('answers customer value and the ranking exactly, the bigger sum first', async () => {
      expect(bigSum).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
      const report = await get('/analytics/customer-value?currency=EUR&top=2');
      expect(report.totals).toEqual([
        {
          currency: 'EUR',
          amount: null,
          amountExact: String(smallSum + bigSum),
          customers: 2,
          orders: 2 * ORDERS,
          averageOrderValue: Number((smallSum + bigSum + BigInt(ORDERS)) / BigInt(2 * ORDERS)),
        },
      ]);
      expect(
        report.top[0].customers.map((c: { customerId: string; value: unknown }) => [
          c.customerId,
          c.value,
        ]),
      ).toEqual([
        [big, { amount: null, amountExact: String(bigSum), currency: 'EUR' }],
        [small, { amount: null, amountExact: String(smallSum), currency: 'EUR' }],
      ]);
    });

    it('shows the exact value on the profile and as RFM monetary', async () => {
      const profile = await get(`/customers/${small}`);
      expect(profile.orders).toMatchObject({
        orderCount: ORDERS,
        value: [{ amount: null, amountExact: String(smallSum), currency: 'EUR' }],
      });
      const rfm = await get('/analytics/rfm');
      const scored = (id: string) =>
        rfm.items.find((r: { customerId: string }) => r.customerId === id);
      expect(scored(big).monetary).toEqual([
        { amount: null, amountExact: String(bigSum), currency: 'EUR' },
      ]);
      // One minor unit apart past 2^53, yet the bigger scores higher on M.
      expect(scored(big).m).toBeGreaterThan(scored(small).m);
    });

    it('attributes the revenue to the campaign exactly, with ROI from exact sums', async () => {
      const results = await get(`/campaigns/${campaign}/results`);
      const revenue = smallSum + bigSum;
      const cost = BigInt(MAX_AMOUNT);
      expect(results.conversions).toBe(2 * ORDERS);
      expect(results.byCurrency).toEqual([
        expect.objectContaining({
          currency: 'EUR',
          attributedRevenue: { amount: null, amountExact: String(revenue), currency: 'EUR' },
          // (revenue − cost) / cost = 18.99999999999991 → 19 to 4 decimals
          roi: Number((2n * 10_000n * (revenue - cost) + cost) / (2n * cost)) / 10_000,
        }),
      ]);
    });

    it('stops no projection: readiness is ok and every money read model is at the last order', async () => {
      const ready = await t.request('GET', '/health/ready');
      expect(ready.status).toBe(200);
      const overview = (await t.request('GET', '/admin/projections')).body as {
        name: string;
        checkpoint: number;
      }[];
      for (const name of MONEY_PROJECTIONS)
        expect(overview.find((p) => p.name === name)?.checkpoint).toBeGreaterThanOrEqual(last);
    });

    it('rebuilds the ranking from position 0 to the same exact answer', async () => {
      const before = await get('/analytics/customer-value?currency=EUR&top=2');
      const started = await t.request(
        'POST',
        '/admin/projections/customer-value-ranking-v2/rebuild',
      );
      expect(started.status).toBe(202);
      const deadline = Date.now() + 30_000;
      for (;;) {
        const overview = (await t.request('GET', '/admin/projections')).body as {
          name: string;
          rebuild: { state: string; error?: string } | null;
        }[];
        const rebuild = overview.find((p) => p.name === 'customer-value-ranking-v2')?.rebuild;
        if (rebuild?.state === 'done') break;
        if (rebuild?.state === 'failed') throw new Error(`rebuild failed: ${rebuild.error}`);
        if (Date.now() > deadline) throw new Error('rebuild did not finish');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await get('/analytics/customer-value?currency=EUR&top=2')).toEqual(before);
    });
  };

describe(
  'money past 2^53 end to end (issue 17)',
  exactMoneyEndToEnd(
    () => startTestApp(),
    (t) => t.close(),
  ),
);

describeWithPostgres('money past 2^53 end to end on PostgreSQL (issue 17)', (url) => {
  const schema = uniqueSchemaName('money');
  exactMoneyEndToEnd(
    () => startTestApp({ POSTGRES_URL: url, POSTGRES_SCHEMA: schema, RUN_PROJECTORS: 'true' }),
    async (t) => {
      await t.close();
      await dropSchema(url, schema);
      await dropSchema(url, vaultSchema(schema));
    },
  )();
});
