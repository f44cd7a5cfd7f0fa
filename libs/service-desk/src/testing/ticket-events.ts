import type { TicketEvent, TicketPriority } from '../domain/ticket';

export const T0 = '2025-03-01T09:00:00.000Z';
export const minutesAfter = (minutes: number, from = T0): string =>
  new Date(Date.parse(from) + minutes * 60_000).toISOString();

type On = { ticketId: string; customerId: string };

/** Ticket events for projection specs; times are minutes after T0. */
export const ticketEvents = (on: On) => ({
  opened: (overrides: { priority?: TicketPriority; at?: string } = {}): TicketEvent => {
    const at = overrides.at ?? T0;
    return {
      type: 'TicketOpened',
      data: {
        ...on,
        at,
        subject: 'Invoice wrong',
        description: 'Charged twice',
        category: 'billing',
        channel: 'email',
        priority: overrides.priority ?? 'normal',
        firstResponseDueAt: minutesAfter(8 * 60, at),
        resolutionDueAt: minutesAfter(72 * 60, at),
      },
    };
  },
  classified: (
    minute: number,
    priority: TicketPriority,
    firstResponseMinutes: number,
    resolutionMinutes: number,
  ): TicketEvent => ({
    type: 'TicketClassified',
    data: {
      ...on,
      at: minutesAfter(minute),
      category: 'technical',
      priority,
      firstResponseDueAt: minutesAfter(firstResponseMinutes),
      resolutionDueAt: minutesAfter(resolutionMinutes),
    },
  }),
  assigned: (minute: number, agentId = 'agent-1'): TicketEvent => ({
    type: 'TicketAssigned',
    data: { ...on, at: minutesAfter(minute), agentId },
  }),
  replied: (minute: number, author: 'agent' | 'customer', text = 'hello'): TicketEvent => ({
    type: 'TicketReplyAdded',
    data: { ...on, at: minutesAfter(minute), replyId: `r${minute}`, author, text },
  }),
  resolved: (minute: number, resolutionNumber = 1): TicketEvent => ({
    type: 'TicketResolved',
    data: { ...on, at: minutesAfter(minute), resolutionNumber, resolution: 'Refunded' },
  }),
  reopened: (minute: number): TicketEvent => ({
    type: 'TicketReopened',
    data: { ...on, at: minutesAfter(minute), reason: 'again' },
  }),
  closed: (minute: number): TicketEvent => ({
    type: 'TicketClosed',
    data: { ...on, at: minutesAfter(minute) },
  }),
  rated: (
    minute: number,
    score: number,
    resolutionNumber = 1,
    comment: string | null = 'thanks',
  ): TicketEvent => ({
    type: 'SatisfactionRated',
    data: {
      ...on,
      at: minutesAfter(minute),
      resolutionNumber,
      score,
      comment,
      agentId: 'agent-1',
      category: 'billing',
      channel: 'email',
    },
  }),
});
