import type { TicketChannel } from '@crm/service-desk';

/** One document per rating: a ticket's resolution rated by its customer. No free text. */
export type SatisfactionRatingDocument = {
  _id: string;
  ticketId: string;
  resolutionNumber: number;
  customerId: string;
  score: number;
  agentId: string | null;
  category: string;
  channel: TicketChannel;
  ratedAt: string;
  /** Calendar month of `ratedAt` in UTC, `YYYY-MM`. */
  month: string;
  _position?: number;
};

export const SATISFACTION_RATINGS = 'satisfaction_ratings';
export const SATISFACTION_RATINGS_PROJECTION = 'satisfaction-ratings';
