import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import { readModelDocuments } from './read-models';

/** The analytics read models (customer value, its ranking, satisfaction), without `_position`. */
const analyticsReadModels = (t: TestApp): Record<string, unknown[]> =>
  readModelDocuments(t, "name LIKE 'doc_customer_value%' OR name LIKE 'doc_satisfaction%'");

type Ranked = { customerId: string; value: { amount: number }; orderCount: number };
type Scored = { customerId: string; frequency: number; monetary: { amount: number }[] };

describe('merge and unmerge in the analytics rankings', () => {
  let t: TestApp;
  let analyst: string;
  let survivor: string;
  let merged: string;
  let other: string;
  let mergedEuroOrder: string;
  let position = 0;
  const track = <R extends { body: { position?: number } }>(response: R): R => {
    position = Math.max(position, response.body.position ?? 0);
    return response;
  };
  const get = async (path: string) =>
    (
      await t.request('GET', `${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`, {
        key: analyst,
      })
    ).body;
  const customer = async (name: string, email: string): Promise<string> =>
    track(await t.request('POST', '/customers', { body: { name, email } })).body.id;
  const order = async (customerId: string, unitPrice: number, currency = 'EUR') =>
    track(
      await t.request('POST', '/orders', {
        body: { customerId, currency, lines: [{ sku: 'X', quantity: 1, unitPrice }] },
      }),
    );
  const topEur = async (): Promise<Ranked[]> =>
    (
      (await get('/analytics/customer-value?top=10&currency=EUR')) as {
        top: { customers: Ranked[] }[];
      }
    ).top[0]?.customers ?? [];
  const rfmItems = async (): Promise<Scored[]> =>
    ((await get('/analytics/rfm?limit=50')) as { items: Scored[] }).items;

  beforeAll(async () => {
    t = await startTestApp();
    analyst = await t.keyFor('analyst');
    survivor = await customer('Grace Hopper', 'grace@one.example');
    merged = await customer('Hopper Grace', 'grace@two.example');
    other = await customer('Someone Else', 'else@example.com');
    await order(survivor, 1_000);
    mergedEuroOrder = (await order(merged, 2_500)).body.id;
    await order(merged, 700, 'USD');
    await order(other, 3_000);
    const ticket = track(
      await t.request('POST', '/tickets', {
        body: {
          customerId: merged,
          subject: 'Help',
          description: 'Please',
          category: 'billing',
          channel: 'email',
          priority: 'normal',
        },
      }),
    ).body.id;
    track(await t.request('POST', `/tickets/${ticket}/resolve`, { body: { resolution: 'Done' } }));
    track(await t.request('POST', `/tickets/${ticket}/satisfaction`, { body: { score: 2 } }));
  });
  afterAll(() => t.close());

  it('ranks the survivor with the merged customer’s orders while merged, keeps every total, and restores everything on unmerge', async () => {
    const before = {
      models: analyticsReadModels(t),
      value: await get('/analytics/customer-value?top=10'),
      rfm: await get('/analytics/rfm'),
      satisfaction: await get('/analytics/satisfaction?by=agent'),
    };
    expect((await topEur()).map((c) => [c.customerId, c.value.amount])).toEqual([
      [other, 3_000],
      [merged, 2_500],
      [survivor, 1_000],
    ]);

    track(
      await t.request('POST', `/customers/${merged}/merge`, { body: { survivorId: survivor } }),
    );

    expect((await topEur()).map((c) => [c.customerId, c.value.amount, c.orderCount])).toEqual([
      [survivor, 3_500, 2],
      [other, 3_000, 1],
    ]);
    type ValueReport = { totals: unknown[]; top: { currency: string; customers: Ranked[] }[] };
    const value = (await get('/analytics/customer-value?top=10')) as ValueReport;
    expect(value.totals).toEqual((before.value as ValueReport).totals);
    expect(value.top.find((row) => row.currency === 'USD')?.customers).toEqual([
      expect.objectContaining({
        customerId: survivor,
        value: { amount: 700, amountExact: '700', currency: 'USD' },
      }),
    ]);
    const scored = await rfmItems();
    expect(scored.map((s) => s.customerId).sort()).toEqual([survivor, other].sort());
    expect(scored.find((s) => s.customerId === survivor)).toMatchObject({
      frequency: 3,
      monetary: [
        { amount: 3_500, currency: 'EUR' },
        { amount: 700, currency: 'USD' },
      ],
    });
    const profile = (await get(`/customers/${survivor}`)) as { rfm: { segment: string | null } };
    expect(profile.rfm.segment).not.toBeNull();
    expect(((await get(`/customers/${merged}`)) as { rfm: unknown }).rfm).toEqual({
      segment: null,
      r: null,
      f: null,
      m: null,
    });
    expect(await get('/analytics/satisfaction?by=agent')).toEqual(before.satisfaction);

    track(await t.request('POST', `/customers/${merged}/unmerge`));

    expect(await get('/analytics/customer-value?top=10')).toEqual(before.value);
    expect({ ...((await get('/analytics/rfm')) as object), asOf: null }).toEqual({
      ...(before.rfm as object),
      asOf: null,
    });
    expect(await get('/analytics/satisfaction?by=agent')).toEqual(before.satisfaction);
    expect(analyticsReadModels(t)).toEqual(before.models);
  });

  it('moves a change to the merged customer’s orders while merged to the survivor, and the totals with it', async () => {
    track(
      await t.request('POST', `/customers/${merged}/merge`, { body: { survivorId: survivor } }),
    );
    const totals = async () =>
      ((await get('/analytics/customer-value?currency=EUR')) as { totals: unknown[] }).totals;
    const before = await totals();
    expect((await topEur())[0]).toMatchObject({ customerId: survivor, value: { amount: 3_500 } });
    const cancelled = track(
      await t.request('POST', `/orders/${mergedEuroOrder}/cancel`, {
        body: { reason: 'customer_request' },
      }),
    );
    expect(cancelled.status).toBe(200);
    expect((await topEur()).map((c) => [c.customerId, c.value.amount, c.orderCount])).toEqual([
      [other, 3_000, 1],
      [survivor, 1_000, 1],
    ]);
    expect(await totals()).toEqual([
      expect.objectContaining({
        amount: (before[0] as { amount: number }).amount - 2_500,
        customers: (before[0] as { customers: number }).customers - 1,
      }),
    ]);
    track(await t.request('POST', `/customers/${merged}/unmerge`));
    expect((await topEur()).map((c) => c.customerId)).toEqual([other, survivor]);
    const usd = (await get('/analytics/customer-value?currency=USD')) as {
      top: { customers: Ranked[] }[];
    };
    expect(usd.top[0]?.customers.map((c) => [c.customerId, c.value.amount])).toEqual([
      [merged, 700],
    ]);
  });
});
