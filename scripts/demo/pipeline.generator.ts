import type { DemoCustomer, DemoWorld } from './demo-world';
import { DAY, HOUR, between } from './demo-world';
import type { Send } from './timeline';
import { Ref, create } from './timeline';

const stage = (stageId: string, name: string, probability: number, kind = 'open') => ({
  stageId,
  name,
  probability,
  kind,
});
const OPEN_STAGES = ['lead', 'qualified', 'proposal', 'negotiation'] as const;
const FIRST_DEFINITION = {
  name: 'New business',
  stages: [
    stage('lead', 'Lead', 10),
    stage('qualified', 'Qualified', 25),
    stage('proposal', 'Proposal sent', 50),
    stage('negotiation', 'Negotiation', 75),
    stage('won', 'Won', 100, 'won'),
    stage('lost', 'Lost', 0, 'lost'),
  ],
};
/** Half-way through, sales ops recalibrate: proposals close less often than hoped. */
const SECOND_DEFINITION = {
  ...FIRST_DEFINITION,
  stages: FIRST_DEFINITION.stages.map((s) =>
    s.stageId === 'proposal'
      ? { ...s, probability: 40 }
      : s.stageId === 'negotiation'
        ? { ...s, probability: 70 }
        : s,
  ),
};

const OWNERS = ['rep-anna', 'rep-ben', 'rep-chloe', 'rep-dev', 'rep-emeka', 'rep-fang'];
const SOURCES = [
  ['referral', 4],
  ['website', 5],
  ['event', 2],
  ['outbound', 3],
  ['partner', 1],
] as const;
const LOSS_REASONS = [
  ['price', 5],
  ['competitor', 4],
  ['no-budget', 3],
  ['no-decision', 3],
  ['timing', 2],
  ['product-fit', 1],
] as const;
const DEALS: readonly { title: string; sku: string; price: number }[] = [
  { title: 'Office chairs refresh', sku: 'CHAIR-PRO', price: 44_900 },
  { title: 'Monitor roll-out', sku: 'MONITOR-27', price: 32_900 },
  { title: 'Keyboards for the new team', sku: 'KEYBOARD-65', price: 12_900 },
  { title: 'Headsets for support', sku: 'HEADSET-BT', price: 8_990 },
  { title: 'Branded merchandise', sku: 'HOODIE-L', price: 5_999 },
  { title: 'Library for the engineering floor', sku: 'BOOK-DDD', price: 4_599 },
];
const SCALE: Record<string, number> = { EUR: 1, GBP: 0.86, CNY: 7.8 };
const CALL_NOTES = [
  'Discussed delivery windows and volume discount.',
  'Decision maker is the head of operations; budget review next month.',
  'Wants a comparison with their current supplier.',
  'Asked for references from similar customers.',
  'Procurement needs the quote in their template.',
];
/** Per stage: the chance a deal moves on from it rather than being lost there. */
const ADVANCE = 0.72;

const day = (time: number): string => new Date(time).toISOString().slice(0, 10);
const iso = (time: number): string => new Date(time).toISOString();
const ignore = (): void => {};

/** The admin defines the pipeline at the start, and changes its probabilities half-way. */
const definePipeline = (world: DemoWorld, pipeline: Ref): void => {
  world.timeline.add(
    world.start,
    'define pipeline',
    create(pipeline, '/pipelines', FIRST_DEFINITION),
    {
      admin: true,
    },
  );
  world.timeline.after(
    pipeline,
    (world.start + world.end) / 2,
    'change pipeline',
    (id, send) => send('PUT', `/pipelines/${id}`, SECOND_DEFINITION).then(ignore),
    { admin: true },
  );
};

/**
 * Deals with some customers (B2B and wholesale ones more often): opened in the first stage,
 * moved on or lost stage by stage, won (most with their order placed through sales) or lost
 * with a reason, a few reopened; calls, meetings and emails logged with notes, follow-up tasks
 * scheduled, most completed, some left overdue. Returns how many opportunities it opens.
 */
export const generatePipeline = (world: DemoWorld, customers: readonly DemoCustomer[]): number => {
  const pipeline = new Ref();
  definePipeline(world, pipeline);
  let opened = 0;
  for (const customer of customers) {
    const business = customer.tags.includes('b2b') || customer.tags.includes('wholesale');
    const deals = world.random.chance(business ? 0.6 : 0.06)
      ? business
        ? world.random.int(1, 3)
        : 1
      : 0;
    for (let n = 0; n < deals; n += 1) {
      const openAt = between(
        world,
        Math.max(customer.since, world.start) + DAY,
        world.end - 3 * DAY,
      );
      if (generateOpportunity(world, customer, pipeline, openAt)) opened += 1;
    }
  }
  return opened;
};

const generateOpportunity = (
  world: DemoWorld,
  customer: DemoCustomer,
  pipeline: Ref,
  openAt: number,
): boolean => {
  const { random, timeline } = world;
  const deal = random.pick(DEALS);
  const unitPrice = Math.round((deal.price * (SCALE[customer.currency] ?? 1)) / 10) * 10 - 1;
  let quantity = random.int(5, 60);
  let owner = random.pick(OWNERS);
  let closeBy = openAt + random.int(30, 90) * DAY;
  const source = random.weighted(SOURCES);
  const opportunity = new Ref();
  const planned = timeline.after(customer.ref, openAt, 'open opportunity', (customerId, send) =>
    pipeline.id
      ? create(opportunity, '/opportunities', {
          customerId,
          pipelineId: pipeline.id,
          title: `${deal.title} (${quantity})`,
          amount: { amount: quantity * unitPrice, currency: customer.currency },
          expectedCloseDate: day(closeBy),
          ownerId: owner,
          source,
        })(send)
      : Promise.resolve(),
  );
  if (!planned) return false;
  const act = (at: number, label: string, path: string, body?: unknown): boolean =>
    timeline.after(opportunity, at, label, (id, send) =>
      send('POST', `/opportunities/${id}/${path}`, body).then(ignore),
    );
  const activity = (when: number, label: string, body: (id: string) => unknown) =>
    timeline.after(opportunity, when, label, (id, send: Send) =>
      send('POST', '/activities', body(id)).then(ignore),
    );

  let at = openAt;
  const followUp = (from: number): void => {
    const dueAt = from + random.int(2, 10) * DAY;
    const task = new Ref();
    const assignee = owner;
    const subject = random.pick([
      'Send the quote',
      'Call back',
      'Book a demo',
      'Chase procurement',
    ]);
    const notes = random.pick(CALL_NOTES);
    timeline.after(opportunity, from + HOUR, 'schedule task', (id, send) =>
      create(task, '/activities/tasks', {
        opportunityId: id,
        subject,
        notes,
        dueAt: iso(dueAt),
        assigneeId: assignee,
      })(send),
    );
    // Most are done around their due time; some slip (rescheduled) and a few are forgotten.
    if (random.chance(0.12)) return;
    let due = dueAt;
    if (random.chance(0.2)) {
      due += random.int(2, 7) * DAY;
      timeline.after(task, dueAt - HOUR, 'reschedule task', (id, send) =>
        send('POST', `/activities/${id}/reschedule`, { dueAt: iso(due) }).then(ignore),
      );
    }
    // After any reschedule, and after it was scheduled.
    const doneAt = Math.max(due - DAY, from + 2 * HOUR) + random.exponential(DAY);
    timeline.after(task, doneAt, 'complete task', (id, send) =>
      send('POST', `/activities/${id}/complete`, { completedBy: assignee }).then(ignore),
    );
  };

  for (const [index, stageId] of OPEN_STAGES.entries()) {
    // A conversation in every stage, and a follow-up task.
    const talkAt = at + random.exponential(3 * DAY) + HOUR;
    const talk = {
      kind: random.weighted([
        ['call', 5],
        ['email', 4],
        ['meeting', 2],
      ] as const),
      subject: `${stageId}: ${deal.title}`,
      notes: random.pick(CALL_NOTES),
      occurredAt: iso(talkAt - HOUR),
      loggedBy: owner,
    };
    activity(talkAt, 'log activity', (id) => ({ ...talk, opportunityId: id }));
    followUp(talkAt);
    if (random.chance(0.15)) {
      quantity = Math.max(1, quantity + random.int(-10, 20));
      act(talkAt + HOUR, 'change amount', 'amount', {
        amount: { amount: quantity * unitPrice, currency: customer.currency },
      });
    }
    if (random.chance(0.1)) {
      closeBy += random.int(14, 45) * DAY;
      act(talkAt + 2 * HOUR, 'change close date', 'close-date', {
        expectedCloseDate: day(closeBy),
      });
    }
    if (random.chance(0.05)) {
      owner = random.pick(OWNERS);
      act(talkAt + 3 * HOUR, 'change owner', 'owner', { ownerId: owner });
    }
    at = talkAt + 4 * HOUR + random.exponential(12 * DAY);
    if (at > world.end) return true;
    if (!random.chance(ADVANCE)) {
      const reason = random.weighted(LOSS_REASONS);
      act(at, 'lose opportunity', 'lose', { reason });
      // A few come back within weeks, where they were lost, and then are won.
      if (random.chance(0.12)) {
        const reopenAt = at + random.int(5, 40) * DAY;
        act(reopenAt, 'reopen opportunity', 'reopen', {});
        act(reopenAt + random.int(5, 20) * DAY, 'win opportunity', 'win', {});
      }
      return true;
    }
    const next = OPEN_STAGES[index + 1];
    if (next) act(at, 'move opportunity', 'stage', { stageId: next });
  }
  // Past negotiation: won, most with the order placed through sales.
  const lines = [{ sku: deal.sku, quantity, unitPrice }];
  act(at, 'win opportunity', 'win', random.chance(0.8) ? { order: { lines } } : {});
  return true;
};
