/**
 * A date pattern such as `^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}…)?$` states the shape the server reads,
 * but its strict ISO 8601 check also refuses dates and times that do not exist (2025-02-30,
 * 25:61). Rewritten with the real ranges, the pattern itself says so: months 01–12, the days of
 * each month (29 February in Gregorian leap years only), hours 00–23, minutes and seconds 00–59,
 * and years from 0100 (the check reads a two-digit year as 19xx, so it refuses 0000–0099).
 */
const GREGORIAN_DATE =
  '(?:(?:[1-9]\\d{3}|0[1-9]\\d{2})-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)' +
  '|(?:(?:[1-9]\\d|0[1-9])(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)';
const HOUR = '(?:[01]\\d|2[0-3])';
const SIXTY = '[0-5]\\d';

/** The same pattern with calendar ranges in place of its bare digit groups. */
export const calendarPattern = (source: string): string =>
  source
    .replace('\\d{4}-\\d{2}-\\d{2}', GREGORIAN_DATE)
    .replace('T\\d{2}:\\d{2}', `T${HOUR}:${SIXTY}`)
    .replace('[+-]\\d{2}:\\d{2}', `[+-]${HOUR}:${SIXTY}`)
    .replace(':\\d{2}', `:${SIXTY}`);
