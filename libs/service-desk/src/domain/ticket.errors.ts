import type { DomainError } from '@crm/eventsourcing';
import { domainError } from '@crm/eventsourcing';
import type { ExistingTicket } from './ticket';

/** Each refusal names the ticket, its current status and what would be allowed instead. */
export const ticketErrors = {
  notFound: (ticketId: string): DomainError =>
    domainError('not_found', 'TICKET_NOT_FOUND', `ticket ${ticketId} does not exist`),
  alreadyExists: (ticket: ExistingTicket): DomainError =>
    domainError(
      'conflict',
      'TICKET_ALREADY_EXISTS',
      `ticket ${ticket.ticketId} already exists (status ${ticket.status})`,
    ),
  notOpen: (ticket: ExistingTicket, action: string): DomainError =>
    ticket.status === 'closed'
      ? closed(ticket, action)
      : domainError(
          'conflict',
          'TICKET_ALREADY_RESOLVED',
          `cannot ${action} ticket ${ticket.ticketId}: it is resolved; reopen it first`,
        ),
  notResolved: (ticket: ExistingTicket, action: string): DomainError =>
    ticket.status === 'closed'
      ? closed(ticket, action)
      : domainError(
          'conflict',
          'TICKET_NOT_RESOLVED',
          `cannot ${action} ticket ${ticket.ticketId}: it is ${ticket.status}, not resolved`,
        ),
  alreadyClosed: (ticket: ExistingTicket, action: string): DomainError => closed(ticket, action),
  reopenWindowExpired: (ticket: ExistingTicket, deadline: string): DomainError =>
    domainError(
      'conflict',
      'REOPEN_WINDOW_EXPIRED',
      `cannot reopen ticket ${ticket.ticketId}: it is resolved and its reopen window ended at ${deadline}`,
    ),
  rateWithoutResolution: (ticket: ExistingTicket): DomainError =>
    domainError(
      'conflict',
      'TICKET_NOT_RESOLVED',
      ticket.status === 'open'
        ? `cannot rate ticket ${ticket.ticketId}: it is open; a rating needs a resolved or closed ticket`
        : `cannot rate ticket ${ticket.ticketId}: it is closed without a resolution to rate`,
    ),
  alreadyRated: (ticket: ExistingTicket, resolutionNumber: number): DomainError =>
    domainError(
      'conflict',
      'SATISFACTION_ALREADY_RATED',
      `ticket ${ticket.ticketId} is ${ticket.status} and resolution ${resolutionNumber} was already rated`,
    ),
  invalidScore: (score: number): DomainError =>
    domainError('invalid', 'INVALID_SCORE', `score must be an integer from 1 to 5, got ${score}`),
};

const closed = (ticket: ExistingTicket, action: string): DomainError =>
  domainError(
    'conflict',
    'TICKET_ALREADY_CLOSED',
    `cannot ${action} ticket ${ticket.ticketId}: it is closed`,
  );
