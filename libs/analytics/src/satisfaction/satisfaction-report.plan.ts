/** Half-open string range [from, to); a missing bound is unbounded. */
export type PeriodRange = { from?: string; to?: string };

/**
 * How to read the ratings of [from, to) from buckets: whole months, whole days in the months
 * the range only partly covers, and the ratings themselves on the days it only partly covers.
 * The parts are disjoint and together hold exactly the ratings in the range.
 */
export type ReportPlan =
  | { kind: 'total' }
  | { kind: 'none' }
  | { kind: 'parts'; months: PeriodRange[]; days: PeriodRange[]; ratings: PeriodRange[] };

const DAY_MS = 86_400_000;
const MIDNIGHT = 'T00:00:00.000Z';
/** What `toISOString` writes for years 0000–9999; ratings are stamped in this form. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const dayOf = (instant: string): string => instant.slice(0, 10);
const monthOf = (day: string): string => day.slice(0, 7);

const nextDay = (day: string): string | null => {
  const next = new Date(Date.parse(`${day}${MIDNIGHT}`) + DAY_MS).toISOString();
  return INSTANT.test(next) ? dayOf(next) : null;
};

const nextMonth = (month: string): string | null => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const next = new Date(Date.UTC(year, m, 1)).toISOString();
  return INSTANT.test(next) ? monthOf(next) : null;
};

/**
 * The plan for ratings with `from` ≤ ratedAt < `to`, compared as ISO strings (as the ratings
 * read model stores them). A bound outside years 0000–9999 sorts before every rating.
 */
export const planReport = (from: string | undefined, to: string | undefined): ReportPlan => {
  const lower = from !== undefined && INSTANT.test(from) ? from : undefined;
  if (to !== undefined && !INSTANT.test(to)) return { kind: 'none' };
  if (lower === undefined && to === undefined) return { kind: 'total' };
  const whole: ReportPlan = { kind: 'parts', months: [], days: [], ratings: [{ from: lower, to }] };

  // Whole days: [firstDay, endDay); the days holding a bound that is not midnight are partial.
  const firstDay =
    lower === undefined
      ? undefined
      : lower.endsWith(MIDNIGHT)
        ? dayOf(lower)
        : nextDay(dayOf(lower));
  const endDay = to === undefined ? undefined : dayOf(to);
  if (firstDay === null) return whole;
  if (firstDay !== undefined && endDay !== undefined && firstDay >= endDay) return whole;

  const ratings: PeriodRange[] = [];
  if (lower !== undefined && firstDay !== undefined && !lower.endsWith(MIDNIGHT))
    ratings.push({ from: lower, to: `${firstDay}${MIDNIGHT}` });
  if (to !== undefined && endDay !== undefined && !to.endsWith(MIDNIGHT))
    ratings.push({ from: `${endDay}${MIDNIGHT}`, to });

  // Whole months: [firstMonth, endMonth); the days of the months at either end go by day.
  const firstMonth =
    firstDay === undefined
      ? undefined
      : firstDay.endsWith('-01')
        ? monthOf(firstDay)
        : nextMonth(monthOf(firstDay));
  const endMonth = endDay === undefined ? undefined : monthOf(endDay);
  if (
    firstMonth === null ||
    (firstMonth !== undefined && endMonth !== undefined && firstMonth >= endMonth)
  ) {
    return { kind: 'parts', months: [], days: [{ from: firstDay, to: endDay }], ratings };
  }
  const days: PeriodRange[] = [];
  if (firstDay !== undefined && firstMonth !== undefined && firstDay < `${firstMonth}-01`)
    days.push({ from: firstDay, to: `${firstMonth}-01` });
  if (endDay !== undefined && endMonth !== undefined && `${endMonth}-01` < endDay)
    days.push({ from: `${endMonth}-01`, to: endDay });
  return { kind: 'parts', months: [{ from: firstMonth, to: endMonth }], days, ratings };
};
