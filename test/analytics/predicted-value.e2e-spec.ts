import { vaultSchema } from '@crm/platform';
import { bgNbdTotalLogLikelihood } from '../../libs/analytics/src/predicted-value/domain/bgnbd';
import { gammaGammaTotalLogLikelihood } from '../../libs/analytics/src/predicted-value/domain/gamma-gamma';
import { seededRandom } from '../../libs/analytics/src/predicted-value/domain/seeded-random';
import {
  purchaseDaysAsOf,
  repeatHistoryOf,
  spendHistoryOf,
} from '../../libs/analytics/src/predicted-value/purchase-history';
import { DAY_MS, dayText } from '../../libs/analytics/src/predicted-value/purchases.document';
import type { SimulatedCustomer } from '../../libs/analytics/src/predicted-value/testing/simulated-purchases';
import { simulateCustomers } from '../../libs/analytics/src/predicted-value/testing/simulated-purchases';
import { describeWithPostgres, dropSchema, uniqueSchemaName } from '../support/postgres';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import { contractFetch } from '../support/openapi-contract';

// The paper's CDNOW estimates (weeks), and Gamma-Gamma's in cents (γ = 15.44 dollars).
const BGNBD = { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };
const SPEND = { p: 6.25, q: 3.74, gamma: 1544 };
const CUSTOMERS = 1200;
// χ² quantiles at 0.999: 4 and 3 degrees of freedom.
const CHI2_4 = 18.47;
const CHI2_3 = 16.27;

const today = Math.floor(Date.now() / DAY_MS);
const FIRST_DAY = today - 7 * (12 + 39 + 39) - 14;
const CALIBRATION_END = FIRST_DAY + 7 * (12 + 39);
const HOLDOUT_END = CALIBRATION_END + 7 * 39;

const emailOf = (customerId: string) => `pv.${customerId}@simulated.example`;

/** One import row per simulated customer: its orders, placed (not cancelled) at noon UTC. */
const importRow = ({ customerId, orders }: SimulatedCustomer) => ({
  name: `Simulated ${customerId}`,
  email: emailOf(customerId),
  orders: orders.map((order, i) => ({
    ref: `${customerId}-${i}`,
    currency: order.currency,
    lines: [{ sku: 'SIM', quantity: 1, unitPrice: order.total }],
    placedAt: `${dayText(order.day)}T12:00:00Z`,
    status: 'placed',
  })),
});

const predictedValueEndToEnd =
  (start: () => Promise<TestApp>, stop: (t: TestApp) => Promise<void>) => () => {
    jest.setTimeout(180_000);
    let t: TestApp;
    let service: string;
    let analyst: string;
    let head = 0;
    const simulated = simulateCustomers(
      BGNBD,
      SPEND,
      {
        customers: CUSTOMERS,
        firstDay: FIRST_DAY,
        cohortDays: 84,
        lastDay: HOLDOUT_END,
        currency: 'EUR',
      },
      seededRandom(2005),
    );

    const get = async (path: string, key = analyst) =>
      t.request('GET', `${path}${path.includes('?') ? '&' : '?'}minPosition=${head}`, { key });
    const ok = async (path: string) => {
      const response = await get(path);
      if (response.status !== 200)
        throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    };

    beforeAll(async () => {
      t = await start();
      service = await t.keyFor('service');
      analyst = await t.keyFor('analyst');
      const response = await contractFetch(`${t.url}/imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${service}`, 'content-type': 'application/x-ndjson' },
        body: simulated.map((c) => JSON.stringify(importRow(c))).join('\n'),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ imported: CUSTOMERS, rejected: 0 });
      head = (await t.request('GET', '/health/ready')).body.info.projections.head as number;
      // The import's few thousand events take the projectors a while on a busy machine: wait
      // (bounded) until the read model has them, rather than have every read answer 503.
      const deadline = Date.now() + 150_000;
      while ((await get('/analytics/predicted-value/model')).status === 503) {
        if (Date.now() > deadline) throw new Error('the purchases read model did not catch up');
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    });
    afterAll(() => stop(t));

    const calibration = () =>
      simulated.map(({ orders }) => purchaseDaysAsOf(orders, CALIBRATION_END));

    it('fits, as of the calibration day, parameters close to the generating ones (χ² bounds), on the data it was sent', async () => {
      const sut = await ok(`/analytics/predicted-value/model?asOf=${dayText(CALIBRATION_END)}`);
      const histories = calibration().flatMap(
        (days) => repeatHistoryOf(days, CALIBRATION_END, 'week') ?? [],
      );
      expect(sut).toMatchObject({
        asOf: dayText(CALIBRATION_END),
        unit: 'week',
        customers: CUSTOMERS,
        repeatCustomers: histories.filter((h) => h.x > 0).length,
        currencies: ['EUR'],
      });
      // The server's log-likelihood is that of its parameters on these very purchases.
      const atFit = bgNbdTotalLogLikelihood(sut.bgnbd, histories);
      expect(sut.bgnbd.logLikelihood).toBeCloseTo(atFit, 6);
      const statistic = 2 * (atFit - bgNbdTotalLogLikelihood(BGNBD, histories));
      expect(statistic).toBeLessThan(CHI2_4);

      const spends = calibration().flatMap((days) => spendHistoryOf(days, 'EUR') ?? []);
      expect(sut.gammaGamma).toMatchObject({ currency: 'EUR', customers: spends.length });
      const spendStatistic =
        2 *
        (gammaGammaTotalLogLikelihood(sut.gammaGamma, spends) -
          gammaGammaTotalLogLikelihood(SPEND, spends));
      expect(spendStatistic).toBeLessThan(CHI2_3);
      expect(
        sut.pAliveDistribution.reduce(
          (n: number, bin: { customers: number }) => n + bin.customers,
          0,
        ),
      ).toBe(CUSTOMERS);
    });

    it('back-tests: predicted and actual cumulative repeat purchases agree within sampling error', async () => {
      const sut = await ok(
        `/analytics/predicted-value/backtest?calibrationEnd=${dayText(CALIBRATION_END)}&holdoutEnd=${dayText(HOLDOUT_END)}`,
      );
      const counts = simulated.map(
        ({ orders }) =>
          new Set(
            orders.filter((o) => o.day > CALIBRATION_END && o.day <= HOLDOUT_END).map((o) => o.day),
          ).size,
      );
      const actual = counts.reduce((s, c) => s + c, 0);
      const mean = actual / counts.length;
      const variance = counts.reduce((s, c) => s + (c - mean) ** 2, 0) / (counts.length - 1);
      expect(sut).toMatchObject({ customers: CUSTOMERS, actualPurchases: actual });
      expect(Math.abs(sut.predictedPurchases - actual)).toBeLessThan(
        4 * Math.sqrt(counts.length * variance),
      );
      expect(sut.byWeek).toHaveLength(39);
      expect(sut.byWeek[38]).toMatchObject({
        week: 39,
        end: dayText(HOLDOUT_END),
        actualCumulative: actual,
      });
      expect(sut.meanAbsoluteError).toBeGreaterThan(0);
    });

    it('ranks customers by predicted value in pages, and the churn list holds only likely-lost repeat buyers', async () => {
      const first = await ok(
        '/analytics/predicted-value?currency=EUR&top=5&limit=2&horizonDays=180',
      );
      expect(first).toMatchObject({ asOf: dayText(today), horizonDays: 180 });
      const second = await ok(
        `/analytics/predicted-value?currency=EUR&top=5&limit=2&horizonDays=180&cursor=${first.nextCursor}`,
      );
      const third = await ok(
        `/analytics/predicted-value?currency=EUR&top=5&limit=2&horizonDays=180&cursor=${second.nextCursor}`,
      );
      expect(third.nextCursor).toBeNull();
      const items = [...first.items, ...second.items, ...third.items];
      expect(items).toHaveLength(5);
      expect(new Set(items.map((i: { customerId: string }) => i.customerId)).size).toBe(5);
      const values = items.map(
        (i: { predictedValue: { amount: number } }) => i.predictedValue.amount,
      );
      expect(values).toEqual([...values].sort((a, b) => b - a));
      for (const item of items) {
        expect(item.predictedValue.amountExact).toBe(String(item.predictedValue.amount));
        // The value is formed before either figure is rounded to a minor unit.
        const product = item.expectedPurchases * item.expectedAverageValue.amount;
        expect(Math.abs(item.predictedValue.amount - product)).toBeLessThanOrEqual(
          item.expectedPurchases / 2 + 0.5,
        );
      }

      const churn = await ok('/analytics/predicted-value?maxPAlive=0.3&limit=500');
      expect(churn.items.length).toBeGreaterThan(0);
      for (const item of churn.items) {
        expect(item.pAlive).toBeLessThanOrEqual(0.3);
        expect(item.repeatPurchases).toBeGreaterThan(0);
      }
    });

    it('shows the same prediction on the customer profile', async () => {
      const [top] = (await ok('/analytics/predicted-value?currency=EUR&limit=1')).items;
      const profile = await ok(`/customers/${top.customerId}`);
      expect(profile.predicted).toMatchObject({
        horizonDays: 365,
        pAlive: top.pAlive,
        expectedPurchases: top.expectedPurchases,
        expectedAverageValue: [top.expectedAverageValue],
        predictedValue: [top.predictedValue],
      });
    });

    it.each([
      ['/analytics/predicted-value/model?asOf=2025-13-01', 'asOf'],
      ['/analytics/predicted-value/model?unit=month', 'unit'],
      ['/analytics/predicted-value/model?currency=eur', 'currency'],
      [`/analytics/predicted-value/model?asOf=${dayText(today + 2)}`, 'asOf'],
      ['/analytics/predicted-value?minPAlive=0.8&maxPAlive=0.2', 'maxPAlive'],
      ['/analytics/predicted-value?maxPAlive=2', 'maxPAlive'],
      ['/analytics/predicted-value?horizonDays=0', 'horizonDays'],
      ['/analytics/predicted-value?cursor=bm90LWEtY3Vyc29y', 'cursor'],
      [
        `/analytics/predicted-value/backtest?calibrationEnd=${dayText(CALIBRATION_END)}&holdoutEnd=${dayText(CALIBRATION_END)}`,
        'holdoutEnd',
      ],
      ['/analytics/predicted-value/backtest?holdoutEnd=2025-01-01', 'calibrationEnd'],
    ])('refuses %s naming %s (400)', async (path, field) => {
      const response = await get(path);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain(field);
    });

    it('answers analysts only', async () => {
      expect((await get('/analytics/predicted-value/model', service)).status).toBe(403);
    });
  };

describe(
  'predicted customer value over HTTP (issue 21)',
  predictedValueEndToEnd(
    () => startTestApp(),
    (t) => t.close(),
  ),
);

describeWithPostgres('predicted customer value over HTTP (issue 21)', (url) => {
  const schema = uniqueSchemaName('predicted');
  predictedValueEndToEnd(
    () => startTestApp({ POSTGRES_URL: url, POSTGRES_SCHEMA: schema, RUN_PROJECTORS: 'true' }),
    async (t) => {
      await t.close();
      await dropSchema(url, schema);
      await dropSchema(url, vaultSchema(schema));
    },
  )();
});
