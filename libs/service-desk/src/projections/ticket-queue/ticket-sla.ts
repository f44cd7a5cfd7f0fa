import type { Filter } from '@crm/documents';
import type { TicketDocument } from './ticket.document';

export type SlaClockState = 'met' | 'breached' | 'at_risk' | 'on_track';
export type SlaClockView = { dueAt: string; stoppedAt: string | null; state: SlaClockState };
export type TicketSlaView = { firstResponse: SlaClockView; resolution: SlaClockView };

type Clock = 'firstResponse' | 'resolution';
const CLOCKS: readonly Clock[] = ['firstResponse', 'resolution'];

const fields = (clock: Clock) =>
  ({
    due: `${clock}DueAt`,
    risk: `${clock}AtRiskFrom`,
    stopped: `${clock}At`,
    late: `${clock}Late`,
  }) as const;

/**
 * Breached and at-risk depend on the current time, so they are computed when a query runs,
 * from the due times the projection stored; a stopped clock's outcome is fixed in the document.
 */
const clockView = (ticket: TicketDocument, clock: Clock, now: string): SlaClockView => {
  const f = fields(clock);
  const dueAt = ticket[f.due];
  const stoppedAt = ticket[f.stopped];
  if (stoppedAt !== null) return { dueAt, stoppedAt, state: ticket[f.late] ? 'breached' : 'met' };
  if (now > dueAt) return { dueAt, stoppedAt, state: 'breached' };
  return { dueAt, stoppedAt, state: now >= ticket[f.risk] ? 'at_risk' : 'on_track' };
};

export const ticketSla = (ticket: TicketDocument, now: string): TicketSlaView => ({
  firstResponse: clockView(ticket, 'firstResponse', now),
  resolution: clockView(ticket, 'resolution', now),
});

/** Tickets with at least one clock breached at `now` (stopped late, or running past due). */
export const breachedFilter = (now: string): Filter => ({
  $or: CLOCKS.flatMap((clock) => {
    const f = fields(clock);
    return [{ [f.late]: true }, { [f.stopped]: null, [f.due]: { $lt: now } }];
  }),
});

/** Tickets with a running clock past its at-risk point but not yet due. */
export const atRiskFilter = (now: string): Filter => ({
  $or: CLOCKS.map((clock) => {
    const f = fields(clock);
    return { [f.stopped]: null, [f.risk]: { $lte: now }, [f.due]: { $gte: now } };
  }),
});
