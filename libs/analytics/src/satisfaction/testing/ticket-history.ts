import { isDomainError } from '@crm/eventsourcing';
import type {
  TicketChannel,
  TicketCommand,
  TicketEvent,
  TicketPriority,
  TicketState,
} from '@crm/service-desk';
import {
  defaultServiceDeskPolicy,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  ticketDecider,
} from '@crm/service-desk';

/** Small deterministic PRNG (mulberry32), so a failing history can be regenerated from its seed. */
export const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const AGENTS = ['agent-1', 'agent-2', 'agent-3', 'agent-4', 'agent-5', 'agent-6'];
const CATEGORIES = ['account', 'billing', 'delivery', 'other', 'technical'];
const START = Date.parse('2024-01-01T00:00:00.000Z');
const SPAN_MS = 540 * 24 * 3_600_000;

type Options = { tickets: number; customers: number; seed: number };

/**
 * Ticket histories made by the real decider from random commands, illegal ones included (they
 * are refused and leave no events). Events of all tickets come back in time order.
 */
export const generateTicketHistory = ({ tickets, customers, seed }: Options): TicketEvent[] => {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const { sla, reopenWindowDays } = defaultServiceDeskPolicy;
  const all: TicketEvent[] = [];

  for (let i = 0; i < tickets; i += 1) {
    const ticketId = `ticket-${seed}-${i}`;
    let time = START + Math.floor(random() * SPAN_MS);
    let state: TicketState = ticketDecider.initialState;
    const at = (): string => {
      // Mostly minutes to hours apart, sometimes weeks, so reopen windows also expire.
      time +=
        random() < 0.1
          ? Math.floor(random() * 30 * 86_400_000)
          : Math.floor(random() * 2 * 86_400_000);
      return new Date(time).toISOString();
    };
    const run = (command: TicketCommand): void => {
      const decision = ticketDecider.decide(command, state);
      if (isDomainError(decision)) return;
      for (const event of decision) {
        state = ticketDecider.evolve(state, event);
        all.push(event);
      }
    };
    const candidates = (): TicketCommand[] => [
      {
        type: 'ClassifyTicket',
        ticketId,
        category: pick(CATEGORIES),
        priority: pick<TicketPriority>(TICKET_PRIORITIES),
        sla,
        at: at(),
      },
      { type: 'AssignTicket', ticketId, agentId: pick(AGENTS), at: at() },
      {
        type: 'AddReply',
        ticketId,
        replyId: `r${all.length}`,
        author: random() < 0.5 ? 'agent' : 'customer',
        text: 'reply',
        at: at(),
      },
      { type: 'ResolveTicket', ticketId, resolution: 'done', at: at() },
      { type: 'ResolveTicket', ticketId, resolution: 'done', at: at() },
      { type: 'ReopenTicket', ticketId, reason: null, reopenWindowDays, at: at() },
      { type: 'CloseTicket', ticketId, at: at() },
      {
        type: 'RateSatisfaction',
        ticketId,
        score: 1 + Math.floor(random() * 5),
        comment: null,
        at: at(),
      },
      {
        type: 'RateSatisfaction',
        ticketId,
        score: 1 + Math.floor(random() * 5),
        comment: null,
        at: at(),
      },
    ];

    run({
      type: 'OpenTicket',
      ticketId,
      customerId: `customer-${Math.floor(random() * customers)}`,
      subject: 'subject',
      description: 'description',
      category: pick(CATEGORIES),
      channel: pick<TicketChannel>(TICKET_CHANNELS),
      priority: pick<TicketPriority>(TICKET_PRIORITIES),
      sla,
      at: at(),
    });
    const steps = 2 + Math.floor(random() * 12);
    for (let step = 0; step < steps; step += 1) run(pick(candidates()));
  }
  return all
    .map((event, order) => ({ event, order }))
    .sort((a, b) => a.event.data.at.localeCompare(b.event.data.at) || a.order - b.order)
    .map(({ event }) => event);
};
