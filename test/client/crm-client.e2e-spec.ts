import type { CrmClient } from '../../libs/client/src';
import { createCrmClient } from '../../libs/client/src';
import { contractFetch } from '../support/openapi-contract';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

/** The success body, or a failure naming the error the server sent. */
const ok = <T>(result: { data?: T; error?: unknown; response: Response }): T => {
  if (result.data === undefined) {
    throw new Error(`${result.response.status}: ${JSON.stringify(result.error)}`);
  }
  return result.data;
};

describe('the typed client (openapi-fetch over the generated types) on the README flows', () => {
  let t: TestApp;
  let service: CrmClient;
  let analyst: CrmClient;
  let auditor: CrmClient;
  let admin: CrmClient;

  beforeAll(async () => {
    t = await startTestApp();
    admin = createCrmClient(t.url, t.adminKey, { fetch: contractFetch });
    const keyFor = async (role: 'service' | 'analyst' | 'auditor') =>
      ok(await admin.POST('/admin/api-keys', { body: { name: `client ${role}`, role } })).token;
    service = createCrmClient(t.url, await keyFor('service'), { fetch: contractFetch });
    analyst = createCrmClient(t.url, await keyFor('analyst'), { fetch: contractFetch });
    auditor = createCrmClient(t.url, await keyFor('auditor'), { fetch: contractFetch });
  }, 60_000);
  afterAll(() => t?.close());

  let customerId = '';

  it('creates, changes and finds a customer; analysts see it masked', async () => {
    const created = ok(
      await service.POST('/customers', {
        body: {
          name: 'Ada Lovelace',
          email: 'ada@example.com',
          phone: '+442071234567',
          tags: ['vip'],
        },
        headers: { 'Idempotency-Key': 'client-signup-ada' },
      }),
    );
    customerId = created.id;
    await service.PATCH('/customers/{id}', {
      params: { path: { id: customerId } },
      body: { address: { street: '12 St James Square', city: 'London', country: 'GB' } },
    });
    ok(
      await service.POST('/customers/{id}/notes', {
        params: { path: { id: customerId } },
        body: { text: 'Prefers email.' },
      }),
    );
    const tagged = ok(
      await service.POST('/customers/{id}/tags', {
        params: { path: { id: customerId } },
        body: { tags: ['newsletter'] },
      }),
    );
    const page = ok(
      await analyst.GET('/customers', {
        params: {
          query: { q: 'lovelace', tag: 'vip', limit: 20, minPosition: String(tagged.position) },
        },
      }),
    );
    expect(page.items.map((c) => c.name)).toEqual(['A*** L***']);
    expect(page.nextCursor).toBeNull();
    const profile = ok(
      await service.GET('/customers/{id}', {
        params: { path: { id: customerId }, query: { minPosition: String(tagged.position) } },
      }),
    );
    expect(profile.tags).toEqual(['vip', 'newsletter']);
    expect(profile.noteCount).toBe(1);
  });

  it('answers bad input with the one error shape, typed', async () => {
    const refused = await service.POST('/customers', { body: { name: '', email: 'nope' } });
    expect(refused.response.status).toBe(400);
    expect(refused.error?.details?.map((d) => d.field).sort()).toEqual(['email', 'name']);
  });

  it('runs a ticket from open to rated, then the satisfaction figures', async () => {
    const ticket = ok(
      await service.POST('/tickets', {
        body: {
          customerId,
          subject: 'Invoice missing',
          description: 'No invoice for March',
          category: 'billing',
          channel: 'email',
          priority: 'high',
        },
      }),
    );
    const id = { path: { id: ticket.id } };
    ok(await service.POST('/tickets/{id}/assign', { params: id, body: { agentId: 'agent-7' } }));
    ok(
      await service.POST('/tickets/{id}/replies', {
        params: id,
        body: { author: 'agent', text: 'Sent it again.' },
      }),
    );
    ok(
      await service.POST('/tickets/{id}/resolve', {
        params: id,
        body: { resolution: 'Invoice re-sent' },
      }),
    );
    const rated = ok(
      await service.POST('/tickets/{id}/satisfaction', {
        params: id,
        body: { score: 5, comment: 'Quick, thanks' },
      }),
    );
    const minPosition = String(rated.position);
    const detail = ok(
      await service.GET('/tickets/{id}', { params: { ...id, query: { minPosition } } }),
    );
    expect(detail.status).toBe('resolved');
    expect(detail.replies).toHaveLength(1);
    expect(detail.ratings.map((r) => r.score)).toEqual([5]);
    const report = ok(
      await analyst.GET('/analytics/satisfaction', {
        params: { query: { by: 'agent', minPosition } },
      }),
    );
    expect(report.overall.n).toBe(1);
    expect(report.groups.map((g) => [g.key, g.average])).toEqual([['agent-7', 5]]);
  });

  it('places, pays and refunds an order, then reads its value', async () => {
    const order = ok(
      await service.POST('/orders', {
        body: {
          customerId,
          currency: 'EUR',
          lines: [
            { sku: 'BOOK-1', quantity: 2, unitPrice: 1999 },
            { sku: 'PEN-2', quantity: 1, unitPrice: 500 },
          ],
        },
      }),
    );
    const id = { path: { id: order.id } };
    ok(
      await service.POST('/orders/{id}/pay', {
        params: id,
        body: { amount: 4498, currency: 'EUR' },
      }),
    );
    const refunded = ok(
      await service.POST('/orders/{id}/refunds', {
        params: id,
        body: { amount: 500, currency: 'EUR', reason: 'damaged' },
      }),
    );
    const read = ok(
      await service.GET('/orders/{id}', {
        params: { ...id, query: { minPosition: String(refunded.position) } },
      }),
    );
    expect(read.total).toEqual({ amount: 4498, currency: 'EUR' });
    expect(read.refunds.map((r) => r.reason)).toEqual(['damaged']);
    const value = ok(
      await analyst.GET('/analytics/customer-value', {
        params: { query: { top: 10, currency: 'EUR', minPosition: String(refunded.position) } },
      }),
    );
    expect(JSON.stringify(value)).toContain('3998');
  });

  it('replays the customer for an auditor and forgets them for an admin', async () => {
    const history = ok(
      await auditor.GET('/customers/{id}/history', { params: { path: { id: customerId } } }),
    );
    expect(history.events[0]?.type).toBe('CustomerCreated');
    const state = ok(
      await auditor.GET('/customers/{id}/state', {
        params: { path: { id: customerId }, query: { at: String(history.events[0]?.position) } },
      }),
    );
    expect(state.customerId).toBe(customerId);
    const forgotten = ok(
      await admin.POST('/customers/{id}/forget', {
        params: { path: { id: customerId } },
        body: {},
      }),
    );
    const after = ok(
      await service.GET('/customers/{id}', {
        params: { path: { id: customerId }, query: { minPosition: String(forgotten.position) } },
      }),
    );
    expect(after.name).toBe('[erased]');
  });
});
