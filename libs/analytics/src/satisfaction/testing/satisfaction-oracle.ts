import type { TicketEvent } from '@crm/service-desk';

export type OracleRating = {
  customerId: string;
  score: number;
  agentId: string | null;
  category: string;
  channel: string;
  ratedAt: string;
};

/**
 * An independent fold of the events: it follows assignment and classification itself rather
 * than trusting what the rating event carries.
 */
export const ratingsFromEvents = (events: readonly TicketEvent[]): OracleRating[] => {
  const tickets = new Map<string, { agentId: string | null; category: string; channel: string }>();
  const ratings: OracleRating[] = [];
  for (const event of events) {
    const ticket = tickets.get(event.data.ticketId);
    if (event.type === 'TicketOpened') {
      tickets.set(event.data.ticketId, {
        agentId: null,
        category: event.data.category,
        channel: event.data.channel,
      });
    } else if (!ticket) {
      throw new Error(`event for unknown ticket ${event.data.ticketId}`);
    } else if (event.type === 'TicketAssigned') {
      ticket.agentId = event.data.agentId;
    } else if (event.type === 'TicketClassified') {
      ticket.category = event.data.category;
    } else if (event.type === 'SatisfactionRated') {
      ratings.push({
        customerId: event.data.customerId,
        score: event.data.score,
        ...ticket,
        ratedAt: event.data.at,
      });
    }
  }
  return ratings;
};

/** The seed's formulas, straight: average = Σ score / n, CSAT = share of 4–5. */
export const directFigures = (ratings: readonly OracleRating[]) => {
  const n = ratings.length;
  const sum = ratings.reduce((total, r) => total + r.score, 0);
  const count = (score: number) => ratings.filter((r) => r.score === score).length;
  return {
    n,
    average: n === 0 ? null : sum / n,
    csatPercent: n === 0 ? null : (100 * (count(4) + count(5))) / n,
    distribution: { 1: count(1), 2: count(2), 3: count(3), 4: count(4), 5: count(5) },
  };
};

export const groupKey = {
  agent: (r: OracleRating) => r.agentId,
  category: (r: OracleRating) => r.category,
  channel: (r: OracleRating) => r.channel,
  month: (r: OracleRating) => r.ratedAt.slice(0, 7),
} as const;
