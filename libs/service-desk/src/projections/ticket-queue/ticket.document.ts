import type { ReplyAuthor, TicketChannel, TicketPriority, TicketStatus } from '../../domain/ticket';

export type TicketReplyEntry = { replyId: string; author: ReplyAuthor; text: string; at: string };
export type TicketRatingEntry = {
  resolutionNumber: number;
  score: number;
  comment: string | null;
  at: string;
};

/**
 * One document per ticket: the detail (with the reply thread) and the queue row.
 * SLA clocks: `*At` is when the clock stopped (null while it runs), `*Late` whether it stopped
 * after its due time. Whether a running clock is breached or at risk depends on the current
 * time, so queries compute that from `*DueAt` and `*AtRiskFrom` (see ticket-sla.ts).
 */
export type TicketDocument = {
  _id: string;
  ticketId: string;
  customerId: string;
  status: TicketStatus;
  subject: string;
  description: string;
  category: string;
  channel: TicketChannel;
  priority: TicketPriority;
  agentId: string | null;
  openedAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  resolution: string | null;
  resolutionCount: number;
  reopenCount: number;
  firstResponseDueAt: string;
  firstResponseAtRiskFrom: string;
  firstResponseAt: string | null;
  firstResponseLate: boolean;
  resolutionDueAt: string;
  resolutionAtRiskFrom: string;
  resolutionAt: string | null;
  resolutionLate: boolean;
  replies: TicketReplyEntry[];
  ratings: TicketRatingEntry[];
  /** The customer was forgotten: free text shows as erased. */
  erased: boolean;
  _position?: number;
};

export const TICKETS = 'service_tickets';
/** The ticket ids of each customer, so forgetting a customer can erase their tickets' text. */
export const CUSTOMER_TICKETS = 'service_customer_tickets';
export const TICKET_QUEUE_PROJECTION = 'service-tickets';

export type CustomerTicketsDocument = {
  _id: string;
  customerId: string;
  ticketIds: string[];
  forgotten: boolean;
  _position?: number;
};

/** A running clock counts as at risk once this share of its target time has passed. */
export const AT_RISK_SHARE = 0.75;
