import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { Role } from '@crm/platform';
import type { TestApp } from '../support/test-app';
import { TEST_ADMIN_KEY, startTestApp } from '../support/test-app';
import { eventCount } from './support/event-log';
import type { Category } from './support/fuzz-mutations';
import { CATEGORIES, CATEGORY_WEIGHTS } from './support/fuzz-mutations';
import { fuzzRequests } from './support/fuzz-requests';
import { runFuzz, summarize } from './support/fuzz-runner';
import type { Operation } from './support/openapi-operations';
import { operationsOf, routeAccess } from './support/openapi-operations';
import type { FuzzTargets } from './support/valid-samples';

/**
 * Hostile input against every documented route: generated from the app's own OpenAPI
 * document, reproducible from FUZZ_SEED, FUZZ_REQUESTS requests in all (default 10 000).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 9);
const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const WEIGHT_SUM = CATEGORIES.reduce((sum, c) => sum + CATEGORY_WEIGHTS[c], 0);
const countFor = (category: Category): number =>
  Math.ceil((TOTAL * CATEGORY_WEIGHTS[category]) / WEIGHT_SUM);
const CATEGORY_TIMEOUT_MS = Math.max(60_000, (TOTAL / CATEGORIES.length) * 60);

const aCustomer = (n: number) => ({
  name: `Fuzz Target ${n}`,
  email: `fuzz.target.${n}@example.com`,
  tags: ['vip'],
});

/** Real customers, tickets (open and resolved) and orders (placed and paid) to aim at. */
const seedTargets = async (t: TestApp, service: string, sinkUrl: string): Promise<FuzzTargets> => {
  const post = async (path: string, body: unknown) => {
    const response = await t.request('POST', path, { key: service, body });
    if (response.status >= 300)
      throw new Error(`seeding ${path}: ${JSON.stringify(response.body)}`);
    return response.body as { id: string; position: number };
  };
  const customers: string[] = [];
  const tickets: string[] = [];
  const orders: string[] = [];
  for (let n = 0; n < 4; n += 1) {
    const customer = await post('/customers', aCustomer(n));
    customers.push(customer.id);
    const ticket = await post('/tickets', {
      customerId: customer.id,
      subject: 'Charged twice',
      description: 'Same charge twice',
      category: 'billing',
      channel: 'email',
    });
    tickets.push(ticket.id);
    if (n % 2 === 1) await post(`/tickets/${ticket.id}/resolve`, { resolution: 'Refunded' });
    const order = await post('/orders', {
      customerId: customer.id,
      currency: 'EUR',
      lines: [{ sku: 'BOOK-1', quantity: 2, unitPrice: 2500 }],
    });
    orders.push(order.id);
    if (n % 2 === 1) await post(`/orders/${order.id}/pay`, { amount: 5000, currency: 'EUR' });
  }
  const page = await t.request('GET', '/customers?limit=1', { key: service });
  return {
    customers,
    tickets,
    orders,
    cursor: (page.body.nextCursor as string | null) ?? null,
    sinkUrl,
  };
};

describe(`hostile input fuzz (FUZZ_SEED=${SEED}, ${TOTAL} requests)`, () => {
  let t: TestApp;
  let operations: Operation[];
  let targets: FuzzTargets;
  let keys: Record<Role, string>;
  let sink: Server;
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

  beforeAll(async () => {
    // Webhooks the fuzzer registers by accident deliver here, not to the internet.
    sink = createServer((_, response) => response.writeHead(204).end());
    await new Promise<void>((done) => sink.listen(0, '127.0.0.1', done));
    const address = sink.address();
    const sinkUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hook`;
    // A short read wait: fuzzed minPositions far ahead of the log answer 503 quickly.
    t = await startTestApp({ READ_WAIT_TIMEOUT_MS: '100', WEBHOOK_TIMEOUT_MS: '1000' });
    keys = {
      admin: TEST_ADMIN_KEY,
      service: await t.keyFor('service'),
      analyst: await t.keyFor('analyst'),
      auditor: await t.keyFor('auditor'),
    };
    const docs = await t.request('GET', '/docs-json', { key: null });
    operations = operationsOf(docs.body, routeAccess(t));
    targets = await seedTargets(t, keys.service, sinkUrl);
  }, 30_000);
  afterAll(async () => {
    await t.close();
    sink.closeAllConnections();
    await new Promise((done) => sink.close(done));
  });

  it('covers every path and method of the OpenAPI document', () => {
    const routes = operations.map((op) => `${op.method} ${op.path}`);
    expect(routes.length).toBeGreaterThanOrEqual(35);
    expect(CATEGORIES.reduce((sum, c) => sum + countFor(c), 0)).toBeGreaterThanOrEqual(TOTAL);
    expect(routes).toEqual(
      expect.arrayContaining(['POST /orders/{id}/pay', 'GET /customers/{id}/state']),
    );
  });

  it.each(CATEGORIES.map((category, index) => [category, index] as const))(
    'answers %s input with a 4xx in the error shape (never a 500 or a hang) and appends nothing for it',
    async (category, categoryIndex) => {
      const requests = fuzzRequests({
        seed: SEED,
        category,
        categoryIndex,
        count: Math.max(countFor(category), operations.length),
        operations,
        targets,
        bodyLimit: t.config.bodyLimitBytes,
      });
      expect(new Set(requests.map((r) => r.route)).size).toBe(operations.length);
      const { violations } = await runFuzz({
        baseUrl: t.url,
        dataDir: t.dataDir,
        keys,
        requests,
        bodyLimit: t.config.bodyLimitBytes,
      });
      if (violations.length > 0) throw new Error(summarize(violations, SEED));
      expect((await t.request('GET', '/health/live', { key: null })).status).toBe(200);
    },
    CATEGORY_TIMEOUT_MS,
  );

  it('leaves Object.prototype unpolluted and the seeded customers readable', async () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    for (const id of targets.customers) {
      const read = await t.request('GET', `/customers/${id}`, { key: keys.service });
      expect([200]).toContain(read.status);
    }
    expect(eventCount(t.dataDir)).toBeGreaterThan(0);
  });
});
