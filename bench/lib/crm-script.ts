import type { Decider, ExpectedRevision } from '@crm/eventsourcing';
import { isDomainError } from '@crm/eventsourcing';
import type { CustomerCommand } from '@crm/customers';
import { customerDecider, customerStreamId } from '@crm/customers';
import type { TicketCommand } from '@crm/service-desk';
import { defaultServiceDeskPolicy, ticketDecider, ticketStreamId } from '@crm/service-desk';
import type { OrderCommand } from '@crm/sales';
import { orderDecider, orderStreamId } from '@crm/sales';
import { PiiHasher, parseMasterKey } from '@crm/security/pii';
import { BENCH_MASTER_KEY } from './stores';
import { Zipf, pick, seededRandom, seededUuid } from './rng';

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Edsger',
  'Barbara',
  'Donald',
  'Margaret',
  'Ken',
  'Radia',
  'John',
  'Frances',
  'Tim',
  'Hedy',
  'Dennis',
  'Sophie',
  'Linus',
  'Karen',
  'Niklaus',
  'Joan',
  'Leslie',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Hamilton',
  'Thompson',
  'Perlman',
  'McCarthy',
  'Allen',
  'Berners',
  'Lamarr',
  'Ritchie',
  'Wilson',
  'Torvalds',
  'Jones',
  'Wirth',
  'Clarke',
  'Lamport',
  'Backus',
  'Kay',
  'Moore',
  'Cerf',
  'Kahn',
  'Goldberg',
  'Engelbart',
  'Shannon',
  'Church',
  'Codd',
  'Gray',
  'Stonebraker',
  'Hoare',
  'Milner',
  'Floyd',
  'Tarjan',
  'Rivest',
  'Shamir',
  'Adleman',
  'Diffie',
];
const TAGS = [
  'vip',
  'newsletter',
  'b2b',
  'churn-risk',
  'partner',
  'beta',
  'student',
  'wholesale',
  'loyal',
  'late-payer',
];
const CATEGORIES = ['billing', 'shipping', 'product', 'account', 'returns', 'technical'];
const CHANNELS = ['email', 'phone', 'chat', 'web', 'in-person'] as const;
const PRIORITIES = ['low', 'normal', 'normal', 'normal', 'high', 'urgent'] as const;
const AGENTS = Array.from({ length: 40 }, (_, i) => `agent-${i + 1}`);
const SCORES = [5, 5, 5, 5, 4, 4, 4, 3, 3, 2, 1];
const CURRENCIES = ['EUR', 'EUR', 'EUR', 'USD', 'USD', 'GBP'];
const START = Date.parse('2024-01-01T00:00:00Z');
const SPAN_MS = 2 * 365 * 24 * 3600 * 1000;

export type AnyDecider = Decider<any, any, any>;
type Step = {
  streamId: string;
  customerId: string;
  decider: AnyDecider;
  command: (at: string) => unknown;
};
type Flow = Step[];

/** One command of the script, already decided against the in-memory state of its stream. */
export type ScriptedCommand = {
  streamId: string;
  customerId: string;
  decider: AnyDecider;
  command: { type: string };
  /** What the stream is at before this command (the append's expected revision). */
  expected: ExpectedRevision;
  events: readonly { type: string; data: Record<string, unknown> }[];
  at: string;
};

export type ScriptOptions = {
  seed: number;
  customers: number;
  /** Events after the customers are created (flows picked by Zipf over customers). */
  flowEvents: number;
  /** Extra events on the first customer's own stream (notes, tags, contact changes). */
  whaleEvents?: number;
  /** Spread the simulated clock as if this many events happened over two years. */
  clockEvents?: number;
};

/**
 * A seeded CRM history as commands: first every customer is created (names, emails, tags),
 * then flows picked by a Zipf draw over customers (hot customers get more of everything)
 * are interleaved: service tickets (open, assign, replies, resolve, rating, close; some left
 * open), orders (place, confirm, pay, ship, deliver; some cancelled or refunded) and customer
 * edits (notes, tags, contact changes). Each command is decided by the real decider against
 * the stream's state; refused ones (untagging an absent tag) are left out, as the app would
 * append nothing for them.
 */
export function* crmScript(options: ScriptOptions): Generator<ScriptedCommand> {
  const random = seededRandom(options.seed);
  const hasher = new PiiHasher(parseMasterKey(BENCH_MASTER_KEY));
  const customerIds = Array.from({ length: options.customers }, () => seededUuid(random));
  const zipf = new Zipf(options.customers, random, 1.05);
  const streams = new Map<string, { state: unknown; revision: number }>();
  const total = options.clockEvents ?? options.customers + options.flowEvents;
  let clock = START;
  let produced = 0;
  const decide = (step: Step): ScriptedCommand | null => {
    const at = new Date((clock += SPAN_MS / total)).toISOString();
    const stream = streams.get(step.streamId) ?? { state: step.decider.initialState, revision: -1 };
    const command = step.command(at) as { type: string };
    const decision = step.decider.decide(command, stream.state);
    if (isDomainError(decision) || decision.length === 0) return null;
    const expected: ExpectedRevision = stream.revision < 0 ? 'no_stream' : stream.revision;
    stream.state = decision.reduce(step.decider.evolve, stream.state);
    stream.revision += decision.length;
    streams.set(step.streamId, stream);
    produced += decision.length;
    const { streamId, customerId, decider } = step;
    return { streamId, customerId, decider, command, expected, events: decision, at };
  };

  for (const [index, customerId] of customerIds.entries()) {
    const created = decide(createCustomer(random, hasher, customerId, index));
    if (created) yield created;
  }
  const active: Flow[] = [];
  const flowsUntil = options.customers + options.flowEvents;
  while (produced < flowsUntil) {
    if (active.length < 2000 || random() < 0.25) {
      const customerId = customerIds[zipf.next()] ?? '';
      const kind = random();
      active.push(
        kind < 0.3
          ? ticketFlow(random, customerId)
          : kind < 0.65
            ? orderFlow(random, customerId)
            : customerFlow(random, customerId),
      );
    }
    const index = Math.floor(random() * active.length);
    const flow = active[index];
    const step = flow?.shift();
    const decided = step ? decide(step) : null;
    if (decided) yield decided;
    if (!flow?.length) active.splice(index, 1);
  }
  const whaleId = customerIds[0] ?? '';
  while (produced < flowsUntil + (options.whaleEvents ?? 0)) {
    for (const step of customerFlow(random, whaleId)) {
      const decided = decide(step);
      if (decided) yield decided;
    }
  }
}

/** The customer ids a script with this seed and size creates, in order. */
export const scriptCustomerIds = (seed: number, customers: number): string[] => {
  const random = seededRandom(seed);
  return Array.from({ length: customers }, () => seededUuid(random));
};

export const LAST_NAMES: readonly string[] = LAST;

const createCustomer = (
  random: () => number,
  hasher: PiiHasher,
  customerId: string,
  index: number,
): Step => {
  const first = pick(random, FIRST);
  const last = LAST[index % LAST.length] ?? 'Doe';
  const email = `${first}.${last}.${index}@example.com`.toLowerCase();
  const name = `${first} ${last}`;
  const command: CustomerCommand = {
    type: 'CreateCustomer',
    customerId,
    contact: {
      name,
      email,
      phone: random() < 0.6 ? `+4420${String(index).padStart(7, '0')}` : null,
      address:
        random() < 0.4
          ? { street: `${index} High Street`, city: 'London', postalCode: null, country: 'GB' }
          : null,
    },
    lookup: {
      emailHash: hasher.hash('email', email),
      nameHashes: [first, last].map((w) => hasher.hash('name', w.toLowerCase())),
    },
    tags: random() < 0.2 ? [pick(random, TAGS)] : [],
  };
  return {
    streamId: customerStreamId(customerId),
    customerId,
    decider: customerDecider,
    command: () => command,
  };
};

const ticketFlow = (random: () => number, customerId: string): Flow => {
  const ticketId = seededUuid(random);
  const streamId = ticketStreamId(ticketId);
  const step = (command: (at: string) => TicketCommand): Step => ({
    streamId,
    customerId,
    decider: ticketDecider,
    command,
  });
  const priority = pick(random, PRIORITIES);
  const flow: Flow = [
    step((at) => ({
      type: 'OpenTicket',
      ticketId,
      customerId,
      subject: `Order question ${ticketId.slice(0, 4)}`,
      description: 'The parcel has not arrived and the tracking page shows nothing since Monday.',
      category: pick(random, CATEGORIES),
      channel: pick(random, CHANNELS),
      priority,
      sla: defaultServiceDeskPolicy.sla,
      at,
    })),
  ];
  if (random() < 0.1) return flow;
  flow.push(step((at) => ({ type: 'AssignTicket', ticketId, agentId: pick(random, AGENTS), at })));
  for (let r = Math.floor(random() * 3) + 1; r > 0; r -= 1) {
    const replyId = seededUuid(random);
    flow.push(
      step((at) => ({
        type: 'AddReply',
        ticketId,
        replyId,
        author: r % 2 ? 'agent' : 'customer',
        text: 'Thanks, we are looking into it and will get back to you shortly.',
        at,
      })),
    );
  }
  if (random() < 0.15) return flow;
  flow.push(
    step((at) => ({ type: 'ResolveTicket', ticketId, resolution: 'Resent the parcel', at })),
  );
  if (random() < 0.7)
    flow.push(
      step((at) => ({
        type: 'RateSatisfaction',
        ticketId,
        score: pick(random, SCORES),
        comment: random() < 0.3 ? 'Quick and friendly' : null,
        at,
      })),
    );
  if (random() < 0.6) flow.push(step((at) => ({ type: 'CloseTicket', ticketId, at })));
  return flow;
};

const orderFlow = (random: () => number, customerId: string): Flow => {
  const orderId = seededUuid(random);
  const streamId = orderStreamId(orderId);
  const currency = pick(random, CURRENCIES);
  const lines = Array.from({ length: 1 + Math.floor(random() * 4) }, () => ({
    sku: `SKU-${Math.floor(random() * 500)}`,
    quantity: 1 + Math.floor(random() * 3),
    unitPrice: 199 + Math.floor(random() * 20_000),
  }));
  const total = lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
  const step = (command: (at: string) => OrderCommand): Step => ({
    streamId,
    customerId,
    decider: orderDecider,
    command,
  });
  const flow: Flow = [
    step((at) => ({
      type: 'PlaceOrder',
      orderId,
      customerId,
      currency,
      lines,
      campaignId: null,
      at,
    })),
  ];
  if (random() < 0.06)
    return [
      ...flow,
      step((at) => ({ type: 'CancelOrder', orderId, reason: 'customer_request', at })),
    ];
  flow.push(step((at) => ({ type: 'ConfirmOrder', orderId, at })));
  if (random() < 0.1) return flow;
  flow.push(
    step((at) => ({ type: 'RecordPayment', orderId, amount: { amount: total, currency }, at })),
  );
  flow.push(step((at) => ({ type: 'ShipOrder', orderId, at })));
  flow.push(step((at) => ({ type: 'DeliverOrder', orderId, at })));
  if (random() < 0.05)
    flow.push(
      step((at) => ({
        type: 'IssueRefund',
        orderId,
        amount: { amount: Math.ceil(total / 2), currency },
        reason: null,
        at,
      })),
    );
  return flow;
};

const customerFlow = (random: () => number, customerId: string): Flow => {
  const streamId = customerStreamId(customerId);
  const step = (command: () => CustomerCommand): Step => ({
    streamId,
    customerId,
    decider: customerDecider,
    command,
  });
  const kind = random();
  if (kind < 0.5) {
    const noteId = seededUuid(random);
    return [
      step(() => ({
        type: 'AddCustomerNote',
        customerId,
        noteId,
        text: 'Called about the invoice; prefers email, not before 10am.',
      })),
    ];
  }
  if (kind < 0.8) {
    const tag = pick(random, TAGS);
    return [
      step(() => ({
        type: random() < 0.7 ? 'TagCustomer' : 'UntagCustomer',
        customerId,
        tags: [tag],
      })),
    ];
  }
  const phone = `+4420${Math.floor(random() * 1e7)}`;
  return [
    step(() => ({ type: 'UpdateCustomerContact', customerId, changes: { phone }, lookup: {} })),
  ];
};
