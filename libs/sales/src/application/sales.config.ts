/** Where command handlers read the time that goes on commands (`at`); tests pin it. */
export const SALES_CLOCK = Symbol('SALES_CLOCK');
export type SalesClock = () => Date;
