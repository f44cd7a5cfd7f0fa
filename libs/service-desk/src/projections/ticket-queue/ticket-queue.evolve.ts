import { ERASED } from '@crm/customers';
import type { RecordedEvent } from '@crm/eventsourcing';
import type { TicketEvent } from '../../domain/ticket';
import type { TicketDocument } from './ticket.document';
import { AT_RISK_SHARE } from './ticket.document';

const atRiskFrom = (openedAt: string, dueAt: string): string => {
  const start = Date.parse(openedAt);
  return new Date(start + Math.round((Date.parse(dueAt) - start) * AT_RISK_SHARE)).toISOString();
};

/** Derived SLA fields, recomputed after every event so a reclassification moves them too. */
const withSla = (ticket: TicketDocument): TicketDocument => ({
  ...ticket,
  firstResponseAtRiskFrom: atRiskFrom(ticket.openedAt, ticket.firstResponseDueAt),
  firstResponseLate:
    ticket.firstResponseAt !== null && ticket.firstResponseAt > ticket.firstResponseDueAt,
  resolutionAtRiskFrom: atRiskFrom(ticket.openedAt, ticket.resolutionDueAt),
  resolutionLate: ticket.resolutionAt !== null && ticket.resolutionAt > ticket.resolutionDueAt,
});

const opened = (event: Extract<TicketEvent, { type: 'TicketOpened' }>): TicketDocument => {
  const { at, ...data } = event.data;
  return {
    _id: data.ticketId,
    ...data,
    status: 'open',
    agentId: null,
    openedAt: at,
    updatedAt: at,
    resolvedAt: null,
    closedAt: null,
    resolution: null,
    resolutionCount: 0,
    reopenCount: 0,
    firstResponseAtRiskFrom: at,
    firstResponseAt: null,
    firstResponseLate: false,
    resolutionAtRiskFrom: at,
    resolutionAt: null,
    resolutionLate: false,
    replies: [],
    ratings: [],
    erased: false,
  };
};

/**
 * Pure fold of one ticket event into the ticket's document. The first-response clock stops at
 * the first agent reply, or at resolving or closing if that comes first; the resolution clock
 * stops at resolving or closing, and a reopen restarts it against the same due time.
 */
export const evolveTicketDocument = (
  ticket: TicketDocument | null,
  recorded: RecordedEvent,
): TicketDocument | null => {
  const event = recorded as unknown as TicketEvent;
  if (event.type === 'TicketOpened') return withSla(opened(event));
  if (!ticket) return null;
  const at = event.data.at;
  const touched = { ...ticket, updatedAt: at };
  switch (event.type) {
    case 'TicketClassified': {
      const { category, priority, firstResponseDueAt, resolutionDueAt } = event.data;
      return withSla({ ...touched, category, priority, firstResponseDueAt, resolutionDueAt });
    }
    case 'TicketAssigned':
      return { ...touched, agentId: event.data.agentId };
    case 'TicketReplyAdded': {
      const { replyId, author, text } = event.data;
      const firstResponseAt = ticket.firstResponseAt ?? (author === 'agent' ? at : null);
      return withSla({
        ...touched,
        firstResponseAt,
        replies: [...ticket.replies, { replyId, author, text, at }],
      });
    }
    case 'TicketResolved':
      return withSla({
        ...touched,
        status: 'resolved',
        resolvedAt: at,
        resolution: event.data.resolution,
        resolutionCount: event.data.resolutionNumber,
        firstResponseAt: ticket.firstResponseAt ?? at,
        resolutionAt: at,
      });
    case 'TicketReopened':
      return withSla({
        ...touched,
        status: 'open',
        resolvedAt: null,
        resolutionAt: null,
        reopenCount: ticket.reopenCount + 1,
      });
    case 'TicketClosed':
      return withSla({
        ...touched,
        status: 'closed',
        closedAt: at,
        firstResponseAt: ticket.firstResponseAt ?? at,
        resolutionAt: ticket.resolutionAt ?? at,
      });
    case 'SatisfactionRated': {
      const { resolutionNumber, score, comment } = event.data;
      return { ...touched, ratings: [...ticket.ratings, { resolutionNumber, score, comment, at }] };
    }
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
};

const erase = (text: string | null): string | null => (text === null ? null : ERASED);

/** What a forgotten customer's ticket shows: every free-text field erased, the facts kept. */
export const eraseTicketText = (ticket: TicketDocument): TicketDocument => ({
  ...ticket,
  subject: ERASED,
  description: ERASED,
  resolution: erase(ticket.resolution),
  replies: ticket.replies.map((reply) => ({ ...reply, text: ERASED })),
  ratings: ticket.ratings.map((rating) => ({ ...rating, comment: erase(rating.comment) })),
  erased: true,
});
