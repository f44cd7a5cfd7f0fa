import { seededRandom } from '../../libs/analytics/src/predicted-value/domain/seeded-random';
import { DAY_MS, dayText } from '../../libs/analytics/src/predicted-value/purchases.document';
import { simulateCustomers } from '../../libs/analytics/src/predicted-value/testing/simulated-purchases';
import type { TestApp } from '../support/test-app';
import { contractFetch } from '../support/openapi-contract';

export type Keys = { service: string; analyst: string; auditor: string };
export type Seeded = {
  customerIds: string[];
  position: number;
  breachedSubject: string;
  /** The first day anyone bought (YYYY-MM-DD); null when this build has no orders. */
  firstPurchaseDay: string | null;
  /** The seeded pipeline; null when this build has no pipeline context. */
  pipelineId: string | null;
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
  const pipelineId = exists(t, '/pipelines')
    ? await seedPipeline(t, customerIds.slice(1), write)
    : null;
  setNow(READ_AT);
  return {
    customerIds,
    position,
    breachedSubject: BREACHED_SUBJECT,
    firstPurchaseDay,
    pipelineId,
  };
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
  const response = await contractFetch(`${t.url}/imports`, {
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

const stage = (stageId: string, probability: number, kind = 'open') => ({
  stageId,
  name: stageId.charAt(0).toUpperCase() + stageId.slice(1),
  probability,
  kind,
});

/** The last day of the real today's UTC quarter, and a day in the next quarter. */
const closeDates = (now: number): { thisQuarter: string; nextQuarter: string } => {
  const today = new Date(now);
  const quarter = Math.floor(today.getUTCMonth() / 3);
  const end = Date.UTC(today.getUTCFullYear(), 3 * quarter + 3, 0);
  return {
    thisQuarter: new Date(end).toISOString().slice(0, 10),
    nextQuarter: new Date(end + 45 * DAY_MS).toISOString().slice(0, 10),
  };
};

/**
 * A small pipeline (the pipeline context runs on the real clock, so "this quarter" is the real
 * one): six open deals in three stages, some expected to close this quarter, one won and one
 * lost; follow-up tasks, four of them overdue (two assignees), one due tomorrow, one overdue
 * but completed, and a logged call. The first customer (the auditor's) is left out.
 */
const seedPipeline = async (
  t: TestApp,
  customerIds: readonly string[],
  write: (path: string, body?: unknown) => Promise<Written>,
): Promise<string> => {
  const defined = await t.request('POST', '/pipelines', {
    body: {
      name: 'New business',
      stages: [
        stage('qualify', 10),
        stage('propose', 50),
        stage('negotiate', 80),
        stage('won', 100, 'won'),
        stage('lost', 0, 'lost'),
      ],
    },
  });
  if (defined.status !== 201) {
    throw new Error(`POST /pipelines answered ${defined.status}: ${JSON.stringify(defined.body)}`);
  }
  const pipelineId = defined.body.id as string;
  const now = Date.now();
  const { thisQuarter, nextQuarter } = closeDates(now);
  const deals: { stages: string[]; amount: number; close: string; owner: string; end?: string }[] =
    [
      { stages: [], amount: 1_200_000, close: thisQuarter, owner: 'rep-1' },
      { stages: [], amount: 450_000, close: nextQuarter, owner: 'rep-2' },
      { stages: ['propose'], amount: 800_000, close: thisQuarter, owner: 'rep-1' },
      { stages: ['propose'], amount: 300_000, close: thisQuarter, owner: 'rep-2' },
      { stages: ['propose', 'negotiate'], amount: 1_500_000, close: thisQuarter, owner: 'rep-1' },
      { stages: ['propose', 'negotiate'], amount: 250_000, close: nextQuarter, owner: 'rep-2' },
      {
        stages: ['propose', 'negotiate'],
        amount: 600_000,
        close: thisQuarter,
        owner: 'rep-1',
        end: 'win',
      },
      { stages: ['propose'], amount: 900_000, close: thisQuarter, owner: 'rep-2', end: 'lose' },
    ];
  const opportunityIds: string[] = [];
  for (const [i, deal] of deals.entries()) {
    const opened = await write('/opportunities', {
      customerId: customerIds[i % customerIds.length],
      pipelineId,
      title: `Deal ${i + 1}`,
      amount: { amount: deal.amount, currency: 'EUR' },
      expectedCloseDate: deal.close,
      ownerId: deal.owner,
      source: i % 2 === 0 ? 'referral' : 'website',
    });
    for (const stageId of deal.stages)
      await write(`/opportunities/${opened.id}/stage`, { stageId });
    if (deal.end === 'win') await write(`/opportunities/${opened.id}/win`, {});
    if (deal.end === 'lose') await write(`/opportunities/${opened.id}/lose`, { reason: 'price' });
    opportunityIds.push(opened.id);
  }
  const at = (hours: number) => new Date(now + hours * HOUR).toISOString();
  const task = (
    about: Record<string, string>,
    subject: string,
    dueHours: number,
    assigneeId: string,
  ) => write('/activities/tasks', { ...about, subject, dueAt: at(dueHours), assigneeId });
  await task({ opportunityId: opportunityIds[0]! }, 'Send the quote', -72, 'rep-1');
  await task({ opportunityId: opportunityIds[2]! }, 'Call back about the discount', -48, 'rep-2');
  await task({ opportunityId: opportunityIds[4]! }, 'Book the contract review', -1, 'rep-1');
  await task({ customerId: customerIds[3]! }, 'Ask for a reference', -240, 'rep-2');
  await task({ opportunityId: opportunityIds[1]! }, 'Prepare the demo', 24, 'rep-2');
  const done = await task(
    { opportunityId: opportunityIds[3]! },
    'Confirm the budget',
    -30,
    'rep-1',
  );
  await write(`/activities/${done.id}/complete`, { completedBy: 'rep-1' });
  await write('/activities', {
    kind: 'call',
    opportunityId: opportunityIds[4]!,
    subject: 'Pricing call',
    notes: 'Wants a three-year term',
    occurredAt: at(-2),
    loggedBy: 'rep-1',
  });
  return pipelineId;
};
