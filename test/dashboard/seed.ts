import { seededRandom } from '../../libs/analytics/src/predicted-value/domain/seeded-random';
import { DAY_MS, dayText } from '../../libs/analytics/src/predicted-value/purchases.document';
import { simulateCustomers } from '../../libs/analytics/src/predicted-value/testing/simulated-purchases';
import type { TestApp } from '../support/test-app';

export type Keys = { service: string; analyst: string; auditor: string };
export type Seeded = {
  customerIds: string[];
  position: number;
  breachedSubject: string;
  /** The first day anyone bought (YYYY-MM-DD); null when this build has no orders. */
  firstPurchaseDay: string | null;
};

const HOUR = 3_600_000;
/** Ratings land in three UTC months; the queue is then read on April 1st. */
const MONTHS = ['2031-01-10T09:00:00Z', '2031-02-10T09:00:00Z', '2031-03-10T09:00:00Z'];
export const READ_AT = Date.parse('2031-04-01T09:00:00Z');
const AGENTS = ['agent-ann', 'agent-bob', 'agent-cy'];
const CATEGORIES = ['billing', 'technical', 'delivery'];
const CHANNELS = ['email', 'phone', 'chat'];
const SCORES = [5, 4, 3, 5, 2, 4, 5, 1, 4, 3];
const CUSTOMERS = 6;
const BREACHED_SUBJECT = 'Card charged twice for one order';
/**
 * Buyers with a purchase history for the predicted-value panel, drawn from BG/NBD and
 * Gamma-Gamma (seeded): first purchases in a 12-week cohort 70 weeks ago, then purchases on
 * different days over the weeks since, some customers dropping out. About 340 orders: enough
 * for a fit today and for back-tests with 13-, 26- and 52-week hold-outs.
 */
const BUYERS = 40;
const BUYER_MODEL = { r: 2, alpha: 6, a: 1, b: 6 };
const BUYER_SPEND = { p: 6, q: 4, gamma: 1500 };
const BUYER_SEED = 5;

type Written = { id: string; position: number };

/**
 * Customers, rated tickets over three months and urgent tickets left open until they breach
 * their SLA, all through the HTTP API; orders too when the sales endpoints exist.
 */
export const seed = async (
  t: TestApp,
  keys: Keys,
  setNow: (time: number) => void,
): Promise<Seeded> => {
  let position = 0;
  const write = async (path: string, body?: unknown): Promise<Written> => {
    const response = await t.request('POST', path, { key: keys.service, body });
    if (response.status >= 300) {
      throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    position = Math.max(position, response.body.position);
    return response.body;
  };

  setNow(Date.parse(MONTHS[0]!) - 30 * 24 * HOUR);
  const customerIds: string[] = [];
  for (let i = 0; i < CUSTOMERS; i += 1) {
    const customer = await write('/customers', {
      name: `Dashboard Customer ${i}`,
      email: `dashboard.${i}@example.com`,
      phone: `+4420712345${i}0`,
      tags: i < 3 ? ['vip'] : [],
    });
    customerIds.push(customer.id);
  }

  for (const [i, score] of SCORES.entries()) {
    setNow(Date.parse(MONTHS[i % MONTHS.length]!) + i * HOUR);
    const ticket = await write('/tickets', {
      customerId: customerIds[i % CUSTOMERS],
      subject: `Question ${i}`,
      description: 'Where is my parcel?',
      category: CATEGORIES[i % CATEGORIES.length],
      channel: CHANNELS[(i + 1) % CHANNELS.length],
      priority: 'normal',
    });
    await write(`/tickets/${ticket.id}/assign`, { agentId: AGENTS[i % AGENTS.length] });
    await write(`/tickets/${ticket.id}/replies`, { author: 'agent', text: 'On it.' });
    await write(`/tickets/${ticket.id}/resolve`, { resolution: 'Answered' });
    await write(`/tickets/${ticket.id}/satisfaction`, { score });
  }

  setNow(Date.parse(MONTHS[0]!) - 5 * 24 * HOUR);
  for (let i = 0; i < 3; i += 1) {
    await write('/tickets', {
      customerId: customerIds[0],
      subject: BREACHED_SUBJECT,
      description: 'The card ending 4242 shows two charges.',
      category: 'billing',
      channel: 'email',
      priority: 'urgent',
    });
  }

  const campaignId = exists(t, '/campaigns')
    ? await seedCampaigns(t, customerIds, write, () => position)
    : undefined;

  if (exists(t, '/orders')) {
    for (const [i, customerId] of customerIds.entries()) {
      for (let n = 0; n <= i % 3; n += 1) {
        await write('/orders', {
          customerId,
          currency: 'EUR',
          lines: [{ sku: `SKU-${n}`, quantity: 1 + n, unitPrice: 1999 + 1000 * i }],
          // The VIPs (the campaign's audience) buy their first order through it.
          ...(campaignId && i < 3 && n === 0 ? { campaignId } : {}),
        });
      }
    }
  }
  let firstPurchaseDay: string | null = null;
  if (exists(t, '/imports') && exists(t, '/orders')) {
    const imported = await importBuyers(t, keys);
    position = Math.max(position, imported.position);
    firstPurchaseDay = imported.firstPurchaseDay;
  }
  setNow(READ_AT);
  return { customerIds, position, breachedSubject: BREACHED_SUBJECT, firstPurchaseDay };
};

/**
 * Imports the buyers (POST /imports, orders placed at noon UTC on their days, relative to the
 * real today: the predicted-value models fit as of the real date); returns the log's head and
 * the first day anyone bought.
 */
const importBuyers = async (
  t: TestApp,
  keys: Keys,
): Promise<{ position: number; firstPurchaseDay: string }> => {
  const today = Math.floor(Date.now() / DAY_MS);
  const buyers = simulateCustomers(
    BUYER_MODEL,
    BUYER_SPEND,
    {
      customers: BUYERS,
      firstDay: today - 7 * 70,
      cohortDays: 84,
      lastDay: today - 1,
      currency: 'EUR',
    },
    seededRandom(BUYER_SEED),
  );
  const rows = buyers.map(({ customerId, orders }, i) => ({
    name: `Dashboard Buyer ${i}`,
    email: `dashboard.buyer.${i}@example.com`,
    orders: orders.map((order, n) => ({
      ref: `${customerId}-${n}`,
      currency: order.currency,
      lines: [{ sku: 'SKU-PV', quantity: 1, unitPrice: order.total }],
      placedAt: `${dayText(order.day)}T12:00:00Z`,
      status: 'placed',
    })),
  }));
  const response = await fetch(`${t.url}/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${keys.service}`, 'content-type': 'application/x-ndjson' },
    body: rows.map((row) => JSON.stringify(row)).join('\n'),
  });
  const body = (await response.json()) as { imported?: number };
  if (response.status !== 200 || body.imported !== BUYERS) {
    throw new Error(`POST /imports answered ${response.status}: ${JSON.stringify(body)}`);
  }
  const health = await t.request('GET', '/health/ready');
  const first = Math.min(...buyers.flatMap(({ orders }) => orders.map((order) => order.day)));
  return {
    position: health.body.info.projections.head as number,
    firstPurchaseDay: dayText(first),
  };
};

/**
 * Two campaigns to the VIP customers (the first three), some responses; returns the first
 * campaign's id for the VIPs' first orders to name.
 */
const seedCampaigns = async (
  t: TestApp,
  customerIds: readonly string[],
  write: (path: string, body?: unknown) => Promise<Written>,
  position: () => number,
): Promise<string> => {
  const now = Date.now();
  const plan = (name: string, channel: string, cost: number) =>
    write('/campaigns', {
      name,
      channel,
      cost: { amount: cost, currency: 'EUR' },
      startsAt: new Date(now - 24 * HOUR).toISOString(),
      endsAt: new Date(now + 30 * 24 * HOUR).toISOString(),
      attributionWindowDays: 14,
      audience: { tags: ['vip'] },
    });
  const spring = await plan('Spring sale', 'email', 5_000);
  const winback = await plan('Win-back', 'sms', 20_000);
  // Launching resolves the audience from the read models: they must have the VIP tags.
  await t.request('GET', `/customers?limit=1&minPosition=${position()}`);
  for (const campaign of [spring, winback]) await write(`/campaigns/${campaign.id}/launch`);
  await write(`/campaigns/${spring.id}/responses`, { customerId: customerIds[0], kind: 'clicked' });
  await write(`/campaigns/${spring.id}/responses`, { customerId: customerIds[1], kind: 'opened' });
  return spring.id;
};

/** Whether this build has the command (a context not deployed yet has no route). */
export const exists = (t: TestApp, path: string): boolean =>
  t.app.getHttpAdapter().getInstance().hasRoute({ method: 'POST', url: path });
