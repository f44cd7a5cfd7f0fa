import type { TicketPriority } from './ticket';

/** Minutes from opening until each target is due, per priority. Wall-clock time, no business hours. */
export type SlaTargets = {
  firstResponseMinutes: Readonly<Record<TicketPriority, number>>;
  resolutionMinutes: Readonly<Record<TicketPriority, number>>;
};

/** The service desk's policy as plain data: handlers put the parts a command needs on it. */
export type ServiceDeskPolicy = {
  sla: SlaTargets;
  reopenWindowDays: number;
};

const HOUR = 60;

export const defaultServiceDeskPolicy: ServiceDeskPolicy = {
  sla: {
    firstResponseMinutes: { urgent: 30, high: 2 * HOUR, normal: 8 * HOUR, low: 24 * HOUR },
    resolutionMinutes: { urgent: 4 * HOUR, high: 24 * HOUR, normal: 72 * HOUR, low: 168 * HOUR },
  },
  reopenWindowDays: 14,
};

export type SlaDueTimes = { firstResponseDueAt: string; resolutionDueAt: string };

const plusMinutes = (iso: string, minutes: number): string =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/** Due times always count from opening, so reclassifying moves them but never restarts them. */
export const slaDueTimes = (
  openedAt: string,
  priority: TicketPriority,
  targets: SlaTargets,
): SlaDueTimes => ({
  firstResponseDueAt: plusMinutes(openedAt, targets.firstResponseMinutes[priority]),
  resolutionDueAt: plusMinutes(openedAt, targets.resolutionMinutes[priority]),
});

export const reopenDeadline = (resolvedAt: string, reopenWindowDays: number): string =>
  plusMinutes(resolvedAt, reopenWindowDays * 24 * HOUR);
