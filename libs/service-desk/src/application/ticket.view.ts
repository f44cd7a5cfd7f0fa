import { ERASED } from '@crm/customers';
import type { Principal } from '@crm/platform';
import { maskText } from '@crm/security';
import type { TicketDocument } from '../projections/ticket-queue/ticket.document';
import type { TicketSlaView } from '../projections/ticket-queue/ticket-sla';
import { ticketSla } from '../projections/ticket-queue/ticket-sla';

type Hidden =
  | '_id'
  | '_position'
  | 'firstResponseDueAt'
  | 'firstResponseAtRiskFrom'
  | 'firstResponseAt'
  | 'firstResponseLate'
  | 'resolutionDueAt'
  | 'resolutionAtRiskFrom'
  | 'resolutionAt'
  | 'resolutionLate';

export type TicketView = Omit<TicketDocument, Hidden> & { sla: TicketSlaView };

const mask = (text: string): string => (text === ERASED ? text : maskText(text));
const maskNullable = (text: string | null): string | null => (text === null ? null : mask(text));

/** Free text is personal data: analysts see it masked. */
const forRole = (ticket: TicketDocument, principal: Principal): TicketDocument =>
  principal.role !== 'analyst'
    ? ticket
    : {
        ...ticket,
        subject: mask(ticket.subject),
        description: mask(ticket.description),
        resolution: maskNullable(ticket.resolution),
        replies: ticket.replies.map((reply) => ({ ...reply, text: mask(reply.text) })),
        ratings: ticket.ratings.map((rating) => ({
          ...rating,
          comment: maskNullable(rating.comment),
        })),
      };

export const toTicketView = (
  ticket: TicketDocument,
  principal: Principal,
  now: string,
): TicketView => {
  const {
    _id,
    _position,
    firstResponseDueAt: _a,
    firstResponseAtRiskFrom: _b,
    firstResponseAt: _c,
    firstResponseLate: _d,
    resolutionDueAt: _e,
    resolutionAtRiskFrom: _f,
    resolutionAt: _g,
    resolutionLate: _h,
    ...visible
  } = forRole(ticket, principal);
  return { ...visible, sla: ticketSla(ticket, now) };
};

/** Queue rows leave out the thread; the detail has it. */
export type TicketSummaryView = Omit<TicketView, 'replies' | 'description'> & {
  replyCount: number;
};

export const toTicketSummary = (
  ticket: TicketDocument,
  principal: Principal,
  now: string,
): TicketSummaryView => {
  const { replies, description: _description, ...summary } = toTicketView(ticket, principal, now);
  return { ...summary, replyCount: replies.length };
};
