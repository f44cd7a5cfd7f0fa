import type { SatisfactionTally } from './satisfaction-stats';

/** What a bucket groups by: everything (`all`), or one of the rating's fields. */
export const BUCKET_SCOPES = ['all', 'agent', 'category', 'channel'] as const;
export type BucketScope = (typeof BUCKET_SCOPES)[number];

/** The time a bucket covers: all time, a UTC calendar month (`YYYY-MM`) or day (`YYYY-MM-DD`). */
export type BucketSpan = 'total' | 'month' | 'day';

/**
 * The tally of every rating of one scope key (e.g. agent-7) in one period. Reports add whole
 * buckets, so they read a few hundred small documents instead of every rating.
 */
export type SatisfactionBucketDocument = SatisfactionTally & {
  _id: string;
  scope: BucketScope;
  span: BucketSpan;
  /** `''` for `total`, else the month or day. */
  period: string;
  key: string | null;
  _position?: number;
};

export const SATISFACTION_BUCKETS = 'satisfaction_buckets';
export const SATISFACTION_BUCKETS_PROJECTION = 'satisfaction-buckets';

/**
 * Ids sort by scope, span and then period (fixed width), so the buckets of a scope and span over
 * a range of periods are one primary-key range: [`bucketIdPrefix(s, p, from)`, `…(s, p, to)`).
 */
export const bucketIdPrefix = (scope: BucketScope, span: BucketSpan, period: string): string =>
  `${scope}|${span}|${period}`;

/** Past every id of the scope and span: `}` follows `|`. */
export const bucketIdEnd = (scope: BucketScope, span: BucketSpan): string => `${scope}|${span}}`;

export const bucketId = (
  scope: BucketScope,
  span: BucketSpan,
  period: string,
  key: string | null,
): string => `${bucketIdPrefix(scope, span, period)}|${JSON.stringify(key)}`;
