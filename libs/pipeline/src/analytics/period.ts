import { RequestValidationError } from '@crm/platform';

/** A calendar date, or a date-time with a zone: what `Date.parse` reads the same everywhere. */
export const CALENDAR_INSTANT =
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
export const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * The period and the moment the pipeline analytics look from. `from` and `to` are inclusive; a date
 * stands for its whole UTC day (`from` its first millisecond, `to` its last). A bare date as
 * `asOf` is its midnight UTC, as the board's `asOf` reads it. Every
 * instant is normalised to `toISOString()` form, the form the read models store, so the
 * documents' instants compare with them as strings.
 */
export type Window = { from: string; to: string; asOf: string };

export const startOf = (value: string): string =>
  CALENDAR_DAY.test(value) ? `${value}T00:00:00.000Z` : new Date(Date.parse(value)).toISOString();

export const endOf = (value: string): string =>
  CALENDAR_DAY.test(value) ? `${value}T23:59:59.999Z` : new Date(Date.parse(value)).toISOString();

/** An optional `asOf`: null when not given (now), else its instant (a bare date: its midnight UTC). */
export const asOfInstant = (value: string | undefined): string | null =>
  value === undefined ? null : startOf(value);

/**
 * A period `[from, to]` of normalised instants (see startOf/endOf), checked: `to` not before
 * `from` (400 `isNotBeforeFrom`), `to − from` at most `maxDays` days (400 `maxDaysAfterField`);
 * both name the field `to`.
 */
export const checkPeriod = (from: string, to: string, maxDays: number): void => {
  if (to < from) {
    throw new RequestValidationError([
      { field: 'to', rule: 'isNotBeforeFrom', message: 'to must not be before from' },
    ]);
  }
  const span = Date.parse(to) - Date.parse(from);
  if (span > maxDays * DAY_MS) {
    throw new RequestValidationError([
      {
        field: 'to',
        rule: 'maxDaysAfterField',
        message: `the period from → to must be at most ${maxDays} days (it is ${Math.ceil(span / DAY_MS)})`,
      },
    ]);
  }
};

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
