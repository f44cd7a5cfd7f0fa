import type { Decider, DomainError } from '@crm/eventsourcing';
import type { SlaTargets } from './sla-policy';
import { reopenDeadline, slaDueTimes } from './sla-policy';
import type {
  ExistingTicket,
  ReplyAuthor,
  TicketChannel,
  TicketEvent,
  TicketPriority,
  TicketState,
} from './ticket';
import { currentResolution, evolveTicket, initialTicketState } from './ticket';
import { ticketErrors } from './ticket.errors';

/** `at` is when the command happened (ISO, UTC); the sla targets and windows come from policy. */
export type OpenTicket = {
  type: 'OpenTicket';
  ticketId: string;
  customerId: string;
  subject: string;
  description: string;
  category: string;
  channel: TicketChannel;
  priority: TicketPriority;
  sla: SlaTargets;
  at: string;
};
export type ClassifyTicket = {
  type: 'ClassifyTicket';
  ticketId: string;
  category: string;
  priority: TicketPriority;
  sla: SlaTargets;
  at: string;
};
export type AssignTicket = { type: 'AssignTicket'; ticketId: string; agentId: string; at: string };
export type AddReply = {
  type: 'AddReply';
  ticketId: string;
  replyId: string;
  author: ReplyAuthor;
  text: string;
  at: string;
};
export type ResolveTicket = {
  type: 'ResolveTicket';
  ticketId: string;
  resolution: string;
  at: string;
};
export type ReopenTicket = {
  type: 'ReopenTicket';
  ticketId: string;
  reason: string | null;
  reopenWindowDays: number;
  at: string;
};
export type CloseTicket = { type: 'CloseTicket'; ticketId: string; at: string };
export type RateSatisfaction = {
  type: 'RateSatisfaction';
  ticketId: string;
  score: number;
  comment: string | null;
  at: string;
};

export type TicketCommand =
  | OpenTicket
  | ClassifyTicket
  | AssignTicket
  | AddReply
  | ResolveTicket
  | ReopenTicket
  | CloseTicket
  | RateSatisfaction;

type Decision = readonly TicketEvent[] | DomainError;

const base = (ticket: ExistingTicket, at: string) => ({
  ticketId: ticket.ticketId,
  customerId: ticket.customerId,
  at,
});

const open = (command: OpenTicket, state: TicketState): Decision => {
  if (state.status !== 'none') return ticketErrors.alreadyExists(state);
  const { type: _type, sla, ...data } = command;
  return [
    {
      type: 'TicketOpened',
      data: { ...data, ...slaDueTimes(command.at, command.priority, sla) },
    },
  ];
};

const classify = (command: ClassifyTicket, ticket: ExistingTicket): Decision => {
  if (ticket.status !== 'open') return ticketErrors.notOpen(ticket, 'classify');
  if (ticket.category === command.category && ticket.priority === command.priority) return [];
  const due = slaDueTimes(ticket.openedAt, command.priority, command.sla);
  const data = {
    ...base(ticket, command.at),
    category: command.category,
    priority: command.priority,
  };
  return [{ type: 'TicketClassified', data: { ...data, ...due } }];
};

const assign = (command: AssignTicket, ticket: ExistingTicket): Decision => {
  if (ticket.status !== 'open') return ticketErrors.notOpen(ticket, 'assign');
  if (ticket.agentId === command.agentId) return [];
  return [
    { type: 'TicketAssigned', data: { ...base(ticket, command.at), agentId: command.agentId } },
  ];
};

const reply = (command: AddReply, ticket: ExistingTicket): Decision => {
  if (ticket.status !== 'open') return ticketErrors.notOpen(ticket, 'reply to');
  const { replyId, author, text } = command;
  return [
    { type: 'TicketReplyAdded', data: { ...base(ticket, command.at), replyId, author, text } },
  ];
};

const resolve = (command: ResolveTicket, ticket: ExistingTicket): Decision => {
  if (ticket.status !== 'open') return ticketErrors.notOpen(ticket, 'resolve');
  const data = {
    ...base(ticket, command.at),
    resolutionNumber: ticket.resolutionCount + 1,
    resolution: command.resolution,
  };
  return [{ type: 'TicketResolved', data }];
};

const reopen = (command: ReopenTicket, ticket: ExistingTicket): Decision => {
  if (ticket.status !== 'resolved') return ticketErrors.notResolved(ticket, 'reopen');
  const deadline = reopenDeadline(ticket.resolution.resolvedAt, command.reopenWindowDays);
  if (Date.parse(command.at) > Date.parse(deadline)) {
    return ticketErrors.reopenWindowExpired(ticket, deadline);
  }
  return [
    { type: 'TicketReopened', data: { ...base(ticket, command.at), reason: command.reason } },
  ];
};

const close = (command: CloseTicket, ticket: ExistingTicket): Decision => {
  if (ticket.status === 'closed') return ticketErrors.alreadyClosed(ticket, 'close');
  return [{ type: 'TicketClosed', data: base(ticket, command.at) }];
};

const rate = (command: RateSatisfaction, ticket: ExistingTicket): Decision => {
  if (!Number.isInteger(command.score) || command.score < 1 || command.score > 5) {
    return ticketErrors.invalidScore(command.score);
  }
  const resolution = currentResolution(ticket);
  if (!resolution) return ticketErrors.rateWithoutResolution(ticket);
  if (resolution.rated) return ticketErrors.alreadyRated(ticket, resolution.number);
  const data = {
    ...base(ticket, command.at),
    resolutionNumber: resolution.number,
    score: command.score,
    comment: command.comment,
    agentId: ticket.agentId,
    category: ticket.category,
    channel: ticket.channel,
  };
  return [{ type: 'SatisfactionRated', data }];
};

export const decideTicket = (command: TicketCommand, state: TicketState): Decision => {
  if (command.type === 'OpenTicket') return open(command, state);
  if (state.status === 'none') return ticketErrors.notFound(command.ticketId);
  switch (command.type) {
    case 'ClassifyTicket':
      return classify(command, state);
    case 'AssignTicket':
      return assign(command, state);
    case 'AddReply':
      return reply(command, state);
    case 'ResolveTicket':
      return resolve(command, state);
    case 'ReopenTicket':
      return reopen(command, state);
    case 'CloseTicket':
      return close(command, state);
    case 'RateSatisfaction':
      return rate(command, state);
    default: {
      const unknownCommand: never = command;
      return unknownCommand;
    }
  }
};

export const ticketDecider: Decider<TicketCommand, TicketEvent, TicketState> = {
  decide: decideTicket,
  evolve: evolveTicket,
  initialState: initialTicketState,
};
