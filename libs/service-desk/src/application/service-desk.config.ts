export const SERVICE_DESK_POLICY = Symbol('SERVICE_DESK_POLICY');
/** The clock commands and SLA queries read; tests move it to reach due times and windows. */
export const SERVICE_DESK_CLOCK = Symbol('SERVICE_DESK_CLOCK');

export type ServiceDeskClock = { now(): Date };
export const systemClock = (): ServiceDeskClock => ({ now: () => new Date() });
