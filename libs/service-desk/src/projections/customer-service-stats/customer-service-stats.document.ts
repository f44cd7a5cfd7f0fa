/** A customer's service figures for the profile; one document per customer. */
export type CustomerServiceStatsDocument = {
  _id: string;
  customerId: string;
  serviceCount: number;
  /** Tickets not yet resolved or closed; a reopen puts a ticket back. */
  openTicketIds: string[];
  openTicketCount: number;
  ratingCount: number;
  ratingSum: number;
  lastOpenedAt: string | null;
  _position?: number;
};

export const CUSTOMER_SERVICE_STATS = 'service_customer_stats';
export const CUSTOMER_SERVICE_STATS_PROJECTION = 'service-customer-stats';
