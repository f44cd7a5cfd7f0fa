/**
 * The period and the moment these analytics look from. `from` and `to` are inclusive; a date
 * stands for its whole UTC day (`from` its first millisecond, `to` its last). A bare date as
 * `asOf` is its midnight UTC, as the board's `asOf` reads it. Every
 * instant is normalised to `toISOString()` form, the form the read models store, so the
 * documents' instants compare with them as strings.
 */
export type Window = { from: string; to: string; asOf: string };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export const startOf = (value: string): string =>
  DATE_ONLY.test(value) ? `${value}T00:00:00.000Z` : new Date(Date.parse(value)).toISOString();

export const endOf = (value: string): string =>
  DATE_ONLY.test(value) ? `${value}T23:59:59.999Z` : new Date(Date.parse(value)).toISOString();

export const windowOf = (
  query: { from: string; to: string; asOf?: string },
  now: Date,
): Window => ({
  from: startOf(query.from),
  to: endOf(query.to),
  asOf: query.asOf === undefined ? now.toISOString() : startOf(query.asOf),
});

/** The last instant whose stays or closes count: the period's end, or asOf when earlier. */
export const lastCounted = ({ to, asOf }: Window): string => (asOf < to ? asOf : to);

/** Known at asOf: it happened at or before it (an event at asOf itself is known). */
export const knownAt = (instant: string | null, asOf: string): instant is string =>
  instant !== null && instant <= asOf;
