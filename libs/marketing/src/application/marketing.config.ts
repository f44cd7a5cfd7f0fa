/** Where command handlers read the time that goes on commands (`at`); tests pin it. */
export const MARKETING_CLOCK = Symbol('MARKETING_CLOCK');
export type MarketingClock = () => Date;
