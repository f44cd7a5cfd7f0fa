import type { DomainEvent } from '@crm/eventsourcing';

export const ticketStreamId = (ticketId: string): string => `ticket-${ticketId}`;

export const TICKET_CHANNELS = ['email', 'phone', 'chat', 'web', 'in-person'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const REPLY_AUTHORS = ['agent', 'customer'] as const;
export type ReplyAuthor = (typeof REPLY_AUTHORS)[number];

export const TICKET_STATUSES = ['open', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Every ticket event names its customer, so metadata and the audit history can find it. */
type TicketData<Data> = { ticketId: string; customerId: string; at: string } & Data;

export type TicketOpened = DomainEvent<
  'TicketOpened',
  TicketData<{
    subject: string;
    description: string;
    category: string;
    channel: TicketChannel;
    priority: TicketPriority;
    firstResponseDueAt: string;
    resolutionDueAt: string;
  }>
>;
export type TicketClassified = DomainEvent<
  'TicketClassified',
  TicketData<{
    category: string;
    priority: TicketPriority;
    firstResponseDueAt: string;
    resolutionDueAt: string;
  }>
>;
export type TicketAssigned = DomainEvent<'TicketAssigned', TicketData<{ agentId: string }>>;
export type TicketReplyAdded = DomainEvent<
  'TicketReplyAdded',
  TicketData<{ replyId: string; author: ReplyAuthor; text: string }>
>;
export type TicketResolved = DomainEvent<
  'TicketResolved',
  TicketData<{ resolutionNumber: number; resolution: string }>
>;
export type TicketReopened = DomainEvent<'TicketReopened', TicketData<{ reason: string | null }>>;
export type TicketClosed = DomainEvent<'TicketClosed', TicketData<Record<never, never>>>;
/** Carries the agent, category and channel at rating time: the rating is attributed to them. */
export type SatisfactionRated = DomainEvent<
  'SatisfactionRated',
  TicketData<{
    resolutionNumber: number;
    score: number;
    comment: string | null;
    agentId: string | null;
    category: string;
    channel: TicketChannel;
  }>
>;

export type TicketEvent =
  | TicketOpened
  | TicketClassified
  | TicketAssigned
  | TicketReplyAdded
  | TicketResolved
  | TicketReopened
  | TicketClosed
  | SatisfactionRated;

export const TICKET_EVENT_TYPES: readonly TicketEvent['type'][] = [
  'TicketOpened',
  'TicketClassified',
  'TicketAssigned',
  'TicketReplyAdded',
  'TicketResolved',
  'TicketReopened',
  'TicketClosed',
  'SatisfactionRated',
];

/**
 * Free text is personal data: these fields are sealed with the customer's key in the log
 * (same shape as the security lib's PiiFieldRegistry), masked for analysts, erased on forget.
 */
export const ticketPiiFields: Readonly<Record<string, Readonly<Record<string, 'text'>>>> = {
  TicketOpened: { subject: 'text', description: 'text' },
  TicketReplyAdded: { text: 'text' },
  TicketResolved: { resolution: 'text' },
  TicketReopened: { reason: 'text' },
  SatisfactionRated: { comment: 'text' },
};

/** The resolution a rating would be about; a reopen withdraws it. */
export type CurrentResolution = { number: number; resolvedAt: string; rated: boolean };

type TicketFacts = {
  ticketId: string;
  customerId: string;
  category: string;
  channel: TicketChannel;
  priority: TicketPriority;
  agentId: string | null;
  openedAt: string;
  resolutionCount: number;
};

export type TicketState =
  | { status: 'none' }
  | (TicketFacts & { status: 'open' })
  | (TicketFacts & { status: 'resolved'; resolution: CurrentResolution })
  | (TicketFacts & { status: 'closed'; resolution: CurrentResolution | null });

export type ExistingTicket = Exclude<TicketState, { status: 'none' }>;

export const initialTicketState: TicketState = { status: 'none' };

export const evolveTicket = (state: TicketState, event: TicketEvent): TicketState => {
  if (event.type === 'TicketOpened') {
    const { ticketId, customerId, category, channel, priority, at } = event.data;
    const facts = {
      ticketId,
      customerId,
      category,
      channel,
      priority,
      agentId: null,
      openedAt: at,
    };
    return { ...facts, status: 'open', resolutionCount: 0 };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'TicketClassified':
      return { ...state, category: event.data.category, priority: event.data.priority };
    case 'TicketAssigned':
      return { ...state, agentId: event.data.agentId };
    case 'TicketReplyAdded':
      return state;
    case 'TicketResolved': {
      const { resolutionNumber, at } = event.data;
      const resolution = { number: resolutionNumber, resolvedAt: at, rated: false };
      return { ...state, status: 'resolved', resolutionCount: resolutionNumber, resolution };
    }
    case 'TicketReopened':
      return { ...withoutResolution(state), status: 'open' };
    case 'TicketClosed':
      return { ...state, status: 'closed', resolution: currentResolution(state) };
    case 'SatisfactionRated': {
      const resolution = currentResolution(state);
      return resolution && state.status !== 'open'
        ? { ...state, resolution: { ...resolution, rated: true } }
        : state;
    }
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
};

export const currentResolution = (state: TicketState): CurrentResolution | null =>
  state.status === 'resolved' || state.status === 'closed' ? state.resolution : null;

const withoutResolution = (state: ExistingTicket): TicketFacts => {
  const { status: _status, ...rest } = state;
  if ('resolution' in rest) {
    const { resolution: _resolution, ...facts } = rest;
    return facts;
  }
  return rest;
};
