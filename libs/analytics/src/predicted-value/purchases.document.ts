/**
 * One order as the purchases read model keeps it: days are whole UTC days since 1970-01-01, the
 * only resolution the model uses, so whether the order was a purchase, and what it was worth,
 * can be told as of any day: placed by then, not cancelled by then, total minus the refunds
 * issued by then.
 */
export type PurchaseOrder = {
  id: string;
  currency: string;
  day: number;
  /** Minor units. */
  total: number;
  cancelledDay: number | null;
  refunds: [day: number, amount: number][];
};

/** Every order a customer placed (cancelled ones too: they were purchases until cancelled). */
export type CustomerPurchasesDocument = {
  _id: string;
  customerId: string;
  orders: PurchaseOrder[];
  _position?: number;
};

/** A customer merged into another (ADR 0006); deleted on unmerge. */
export type PurchaseMergeDocument = {
  _id: string;
  customerId: string;
  survivorId: string;
  _position?: number;
};

export const PURCHASES_PROJECTION = 'predicted-value-purchases';
export const PURCHASES = 'predicted_value_purchases';
export const PURCHASE_MERGES = 'predicted_value_purchase_merges';

export const DAY_MS = 86_400_000;

/** The UTC day (days since 1970-01-01) of an instant. */
export const utcDayOf = (instant: string | Date): number =>
  Math.floor((typeof instant === 'string' ? Date.parse(instant) : instant.getTime()) / DAY_MS);

export const dayText = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
