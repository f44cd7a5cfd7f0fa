import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import { readModelDocuments } from './read-models';

/** Every read-model document (API keys and data keys are not read models), without `_position`. */
const readModels = (t: TestApp): Record<string, unknown[]> =>
  readModelDocuments(
    t,
    "name LIKE 'doc_%' AND name NOT LIKE 'doc_security_%' AND name NOT LIKE 'doc_webhooks_%'",
  );

describe('duplicates, merge and unmerge', () => {
  let t: TestApp;
  let analyst: string;
  let survivor: string;
  let merged: string;
  let position = 0;
  const track = <R extends { body: { position?: number } }>(response: R): R => {
    position = Math.max(position, response.body.position ?? 0);
    return response;
  };

  beforeAll(async () => {
    t = await startTestApp();
    analyst = await t.keyFor('analyst');
    survivor = track(
      await t.request('POST', '/customers', {
        body: { name: 'Ada Lovelace', email: 'ada@one.example', phone: '+442071234567' },
      }),
    ).body.id;
    merged = track(
      await t.request('POST', '/customers', {
        body: { name: 'Lovelace Ada', email: 'ada@two.example', phone: '+442071234567' },
      }),
    ).body.id;
    await t.request('POST', '/customers', {
      body: { name: 'Someone Else', email: 'else@example.com' },
    });
    for (const [customerId, amount, score] of [
      [survivor, 1000, 5],
      [merged, 2500, 3],
    ] as const) {
      const order = track(
        await t.request('POST', '/orders', {
          body: {
            customerId,
            currency: 'EUR',
            lines: [{ sku: 'X', quantity: 1, unitPrice: amount }],
          },
        }),
      ).body.id;
      track(await t.request('POST', `/orders/${order}/pay`, { body: { amount, currency: 'EUR' } }));
      const ticket = track(
        await t.request('POST', '/tickets', {
          body: {
            customerId,
            subject: 'Help',
            description: 'Please',
            category: 'billing',
            channel: 'email',
            priority: 'normal',
          },
        }),
      ).body.id;
      track(
        await t.request('POST', `/tickets/${ticket}/resolve`, { body: { resolution: 'Done' } }),
      );
      track(await t.request('POST', `/tickets/${ticket}/satisfaction`, { body: { score } }));
    }
    await t.request('GET', `/customers/${survivor}?minPosition=${position}`);
  });
  afterAll(() => t.close());

  it('lists the likely duplicates with a score and the reasons', async () => {
    const duplicates = await t.request('GET', `/customers/duplicates?minPosition=${position}`, {
      key: analyst,
    });
    expect(duplicates.status).toBe(200);
    expect(duplicates.body.pairs).toHaveLength(1);
    expect(duplicates.body.pairs[0]).toMatchObject({
      customerIds: [survivor, merged].sort(),
      reasons: ['name', 'phone'],
    });
    expect([...duplicates.body.pairs[0].names].sort()).toEqual(['A*** L***', 'L*** A***']);
    expect(duplicates.body.pairs[0].score).toBeGreaterThan(0.9);
  });

  it('shows the merge in a dry run without writing anything', async () => {
    const before = readModels(t);
    const preview = await t.request('POST', `/customers/${merged}/merge`, {
      body: { survivorId: survivor, dryRun: true },
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      dryRun: true,
      survivor: {
        customerId: survivor,
        orders: { orderCount: 2, value: [{ amount: 3500, currency: 'EUR' }] },
        service: { serviceCount: 2 },
      },
    });
    expect(readModels(t)).toEqual(before);
  });

  it('merges: the survivor counts the merged customer’s figures, totals stay; unmerge restores every read model exactly', async () => {
    const before = readModels(t);
    const totalsBefore = await t.request('GET', '/analytics/customer-value?currency=EUR', {
      key: analyst,
    });
    expect(totalsBefore.body.totals).toEqual([
      expect.objectContaining({ currency: 'EUR', amount: 3500 }),
    ]);
    const satisfactionBefore = await t.request('GET', '/analytics/satisfaction', { key: analyst });

    const merge = track(
      await t.request('POST', `/customers/${merged}/merge`, { body: { survivorId: survivor } }),
    );
    expect(merge.status).toBe(200);
    const profile = await t.request('GET', `/customers/${survivor}?minPosition=${position}`);
    expect(profile.body).toMatchObject({
      mergedFrom: [merged],
      orders: {
        orderCount: 2,
        value: [{ amount: 3500, currency: 'EUR' }],
        averageOrderValue: [{ amount: 1750, currency: 'EUR' }],
      },
      service: { serviceCount: 2, satisfaction: { average: 4, n: 2 } },
    });
    expect((await t.request('GET', `/tickets?customerId=${survivor}`)).body.items).toHaveLength(2);
    expect((await t.request('GET', `/orders?customerId=${survivor}`)).body.items).toHaveLength(2);
    expect((await t.request('GET', `/customers/${merged}`)).body).toMatchObject({
      status: 'merged',
      mergedInto: survivor,
    });
    const refused = await t.request('POST', `/customers/${merged}/notes`, { body: { text: 'hi' } });
    expect(refused.body).toMatchObject({ statusCode: 409, code: 'CUSTOMER_MERGED' });
    const chained = await t.request('POST', `/customers/${survivor}/merge`, {
      body: { survivorId: merged },
    });
    expect(chained.status).toBe(409);
    expect(
      (await t.request('GET', '/analytics/customer-value?currency=EUR', { key: analyst })).body
        .totals,
    ).toEqual(totalsBefore.body.totals);
    expect((await t.request('GET', '/analytics/satisfaction', { key: analyst })).body).toEqual(
      satisfactionBefore.body,
    );

    const unmerge = track(await t.request('POST', `/customers/${merged}/unmerge`));
    expect(unmerge.status).toBe(200);
    await t.request('GET', `/customers/${survivor}?minPosition=${position}`);
    expect(readModels(t)).toEqual(before);
    expect((await t.request('GET', `/customers/${survivor}`)).body.orders.orderCount).toBe(1);
    expect((await t.request('POST', `/customers/${merged}/unmerge`)).body.code).toBe(
      'CUSTOMER_NOT_MERGED',
    );
  });

  it('refuses to merge a customer into itself or into one that does not exist', async () => {
    expect(
      (await t.request('POST', `/customers/${merged}/merge`, { body: { survivorId: merged } }))
        .status,
    ).toBe(400);
    const missing = await t.request('POST', `/customers/${merged}/merge`, {
      body: { survivorId: '00000000-0000-4000-8000-00000000000a' },
    });
    expect(missing.status).toBe(404);
  });
});
