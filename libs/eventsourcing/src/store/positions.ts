/**
 * Log positions are ordered but not dense (EventStoreDB's are byte offsets, PostgreSQL's
 * sequences have gaps): compare them, never subtract them. Sort comparator in log order.
 */
export const byPosition = (a: { position: number }, b: { position: number }): number =>
  a.position < b.position ? -1 : a.position > b.position ? 1 : 0;
