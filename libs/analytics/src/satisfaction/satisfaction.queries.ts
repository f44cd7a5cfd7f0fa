import type { DocumentStore } from '@crm/documents';
import { findEvery } from '@crm/documents';
import type {
  BucketScope,
  BucketSpan,
  SatisfactionBucketDocument,
} from './satisfaction-bucket.document';
import { bucketIdEnd, bucketIdPrefix, SATISFACTION_BUCKETS } from './satisfaction-bucket.document';
import type { SatisfactionRatingDocument } from './satisfaction-rating.document';
import { SATISFACTION_RATINGS } from './satisfaction-rating.document';
import { tallyOf } from './satisfaction-buckets.projection';
import type { PeriodRange } from './satisfaction-report.plan';
import { planReport } from './satisfaction-report.plan';
import type { SatisfactionFigures, SatisfactionTally } from './satisfaction-stats';
import { addTallies, emptyTally, toFigures } from './satisfaction-stats';

export const SATISFACTION_GROUPINGS = ['agent', 'category', 'channel', 'month'] as const;
export type SatisfactionGrouping = (typeof SATISFACTION_GROUPINGS)[number];

/** `from` inclusive, `to` exclusive, both ISO instants compared on `ratedAt`. */
export type SatisfactionReportQuery = { by?: SatisfactionGrouping; from?: string; to?: string };

export type SatisfactionGroup = SatisfactionFigures & { key: string | null };
export type SatisfactionReport = {
  by: SatisfactionGrouping | null;
  from: string | null;
  to: string | null;
  overall: SatisfactionFigures;
  groups: SatisfactionGroup[];
};

/** Months are grouped from the buckets of everything, keyed by their period. */
const SCOPE: Record<SatisfactionGrouping | 'none', BucketScope> = {
  none: 'all',
  agent: 'agent',
  category: 'category',
  channel: 'channel',
  month: 'all',
};

const RATING_KEY: Record<
  SatisfactionGrouping,
  (rating: SatisfactionRatingDocument) => string | null
> = {
  agent: (r) => r.agentId,
  category: (r) => r.category,
  channel: (r) => r.channel,
  month: (r) => r.month,
};

/** The buckets of a scope and span whose periods lie in the range: one primary-key range. */
const bucketsIn = (
  documents: DocumentStore,
  scope: BucketScope,
  span: BucketSpan,
  { from, to }: PeriodRange,
): Promise<SatisfactionBucketDocument[]> =>
  findEvery<SatisfactionBucketDocument>(
    documents,
    SATISFACTION_BUCKETS,
    {
      _id: {
        $gte: bucketIdPrefix(scope, span, from ?? ''),
        $lt: to === undefined ? bucketIdEnd(scope, span) : bucketIdPrefix(scope, span, to),
      },
    },
    { _id: 1 },
  );

const ratingsIn = (
  documents: DocumentStore,
  { from, to }: PeriodRange,
): Promise<SatisfactionRatingDocument[]> => {
  const ratedAt: Record<string, string> = {};
  if (from !== undefined) ratedAt.$gte = from;
  if (to !== undefined) ratedAt.$lt = to;
  return findEvery<SatisfactionRatingDocument>(
    documents,
    SATISFACTION_RATINGS,
    { ratedAt },
    { _id: 1 },
  );
};

type Keyed = { key: string | null; tally: SatisfactionTally };

/** The keyed tallies of the range, read from whole buckets plus the ratings of partial days. */
const talliesOf = async (
  documents: DocumentStore,
  query: SatisfactionReportQuery,
): Promise<Keyed[]> => {
  const scope = SCOPE[query.by ?? 'none'];
  const bucketKey = (bucket: SatisfactionBucketDocument): string | null =>
    query.by === 'month' ? bucket.period.slice(0, 7) : bucket.key;
  const fromBuckets = (buckets: SatisfactionBucketDocument[]): Keyed[] =>
    buckets.map((bucket) => ({ key: bucketKey(bucket), tally: bucket }));

  const plan = planReport(query.from, query.to);
  switch (plan.kind) {
    case 'none':
      return [];
    case 'total':
      return query.by === 'month'
        ? fromBuckets(await bucketsIn(documents, scope, 'month', {}))
        : fromBuckets(await bucketsIn(documents, scope, 'total', {}));
    case 'parts': {
      const parts = await Promise.all([
        ...plan.months.map((range) => bucketsIn(documents, scope, 'month', range)),
        ...plan.days.map((range) => bucketsIn(documents, scope, 'day', range)),
      ]);
      const ratings = (await Promise.all(plan.ratings.map((r) => ratingsIn(documents, r)))).flat();
      const keyOf = query.by ? RATING_KEY[query.by] : () => null;
      return [
        ...parts.flatMap(fromBuckets),
        ...ratings.map((rating) => ({ key: keyOf(rating), tally: tallyOf(rating.score) })),
      ];
    }
    default: {
      const unknownPlan: never = plan;
      return unknownPlan;
    }
  }
};

/** Group keys in the order MongoDB sorts them: null first, then strings by code unit. */
const byKey = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;

/** Σ score / n and CSAT overall and per group, over the ratings in the time range. */
export const satisfactionReport = async (
  documents: DocumentStore,
  query: SatisfactionReportQuery,
): Promise<SatisfactionReport> => {
  const groups = new Map<string | null, SatisfactionTally>();
  for (const { key, tally } of await talliesOf(documents, query)) {
    const group = query.by ? key : null;
    groups.set(group, addTallies(groups.get(group) ?? emptyTally(), tally));
  }
  const tallies = [...groups.entries()].sort(([a], [b]) => byKey(a, b));
  const overall = tallies.reduce((total, [, tally]) => addTallies(total, tally), emptyTally());
  return {
    by: query.by ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
    overall: toFigures(overall),
    groups: query.by ? tallies.map(([key, tally]) => ({ key, ...toFigures(tally) })) : [],
  };
};
