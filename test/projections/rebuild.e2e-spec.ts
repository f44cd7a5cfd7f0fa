import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const waitForRebuild = async (t: TestApp, name: string): Promise<Record<string, any>> => {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const overview = await t.request('GET', '/admin/projections');
    const entry = overview.body.find((p: { name: string }) => p.name === name);
    if (entry?.rebuild?.state === 'done') return entry;
    if (entry?.rebuild?.state === 'failed')
      throw new Error(`rebuild failed: ${entry.rebuild.error}`);
    if (Date.now() > deadline) throw new Error('rebuild did not finish');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('zero-downtime projection rebuild', () => {
  jest.setTimeout(30_000); // real servers and a shell script: seconds, not milliseconds
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('keeps serving the full model while a fresh copy is built, then swaps it in with the writes made meanwhile', async () => {
    let position = 0;
    for (let i = 0; i < 400; i += 1) {
      const created = await t.request('POST', '/customers', {
        body: { name: `Rebuild ${i}`, email: `rb${i}@example.com` },
      });
      position = created.body.position;
    }
    const before = await t.request('GET', `/customers?limit=500&minPosition=${position}`);
    expect(before.body.items).toHaveLength(400);

    const started = await t.request('POST', '/admin/projections/customer-profile/rebuild');
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ projection: 'customer-profile', state: 'building' });
    const again = await t.request('POST', '/admin/projections/customer-profile/rebuild');
    expect([202, 409]).toContain(again.status);

    // While it rebuilds: reads never see an empty or partial model, writes keep landing.
    const sizes: number[] = [];
    const writes: Promise<unknown>[] = [];
    let rebuilding = true;
    const reader = (async () => {
      while (rebuilding) {
        sizes.push((await t.request('GET', '/customers?limit=500')).body.items.length);
      }
    })();
    for (let i = 0; i < 20; i += 1) {
      writes.push(
        t.request('POST', '/customers', {
          body: { name: `During ${i}`, email: `during${i}@example.com` },
        }),
      );
    }
    const written = (await Promise.all(writes)) as { body: { position: number } }[];
    const done = await waitForRebuild(t, 'customer-profile');
    rebuilding = false;
    await reader;

    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(400);
    expect(done.rebuild).toMatchObject({ state: 'done', etaSeconds: 0 });
    expect(done.rebuild.done).toBe(done.rebuild.total);

    const last = Math.max(...written.map((w) => w.body.position));
    const after = await t.request('GET', `/customers?limit=500&minPosition=${last}`);
    expect(after.body.items).toHaveLength(420);
    const beforeById = new Map(
      before.body.items.map((c: { customerId: string }) => [c.customerId, c]),
    );
    for (const item of after.body.items) {
      if (beforeById.has(item.customerId)) expect(item).toEqual(beforeById.get(item.customerId));
    }

    // Writes after the swap still reach the (new) live model.
    const later = await t.request('POST', '/customers', {
      body: { name: 'After Swap', email: 'after@example.com' },
    });
    expect(
      (await t.request('GET', `/customers/${later.body.id}?minPosition=${later.body.position}`))
        .status,
    ).toBe(200);
  });

  it('shows rebuild progress in readiness, and refuses an unknown projection', async () => {
    const ready = await t.request('GET', '/health/ready');
    expect(ready.body.details.projections.rebuilds[0]).toMatchObject({
      projection: 'customer-profile',
    });
    const unknown = await t.request('POST', '/admin/projections/nope/rebuild');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/known: customer-profile/);
  });
});
