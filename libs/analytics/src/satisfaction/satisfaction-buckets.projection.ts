import type { Projection, ProjectionContext, RecordedEvent } from '@crm/eventsourcing';
import type { SatisfactionRated } from '@crm/service-desk';
import type {
  BucketScope,
  BucketSpan,
  SatisfactionBucketDocument,
} from './satisfaction-bucket.document';
import {
  BUCKET_SCOPES,
  bucketId,
  SATISFACTION_BUCKETS,
  SATISFACTION_BUCKETS_PROJECTION,
} from './satisfaction-bucket.document';
import type { SatisfactionTally } from './satisfaction-stats';
import { addTallies, emptyTally, SCORES } from './satisfaction-stats';

const SATISFACTION_RATED: SatisfactionRated['type'] = 'SatisfactionRated';

const SPANS: readonly { span: BucketSpan; period: (ratedAt: string) => string }[] = [
  { span: 'total', period: () => '' },
  { span: 'month', period: (ratedAt) => ratedAt.slice(0, 7) },
  { span: 'day', period: (ratedAt) => ratedAt.slice(0, 10) },
];

/** One rating as a tally; a score outside 1–5 counts in n and the sum only, as Σ / n reads it. */
export const tallyOf = (score: number): SatisfactionTally => {
  const tally = emptyTally();
  tally.n = 1;
  tally.sum = score;
  for (const s of SCORES) if (s === score) tally.counts[s] = 1;
  return tally;
};

export type BucketTarget = {
  id: string;
  scope: BucketScope;
  span: BucketSpan;
  period: string;
  key: string | null;
};

/** A missing field groups as null, as MongoDB's `$group` does. */
const keyOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Every bucket a rating belongs to: each scope's key, over all time, its month and its day. */
export const bucketsOf = (rating: SatisfactionRated['data']): BucketTarget[] => {
  const ratedAt = new Date(rating.at).toISOString();
  const keys: Record<BucketScope, string | null> = {
    all: null,
    agent: keyOf(rating.agentId),
    category: keyOf(rating.category),
    channel: keyOf(rating.channel),
  };
  return BUCKET_SCOPES.flatMap((scope) =>
    SPANS.map(({ span, period }) => {
      const at = period(ratedAt);
      return {
        id: bucketId(scope, span, at, keys[scope]),
        scope,
        span,
        period: at,
        key: keys[scope],
      };
    }),
  );
};

const addTo = async (
  context: ProjectionContext,
  target: BucketTarget,
  tally: SatisfactionTally,
  position: number,
): Promise<void> => {
  const current = await context.get<SatisfactionBucketDocument>(SATISFACTION_BUCKETS, target.id);
  // Already counted (a batch applied again on a store without transactions).
  if (current?._position !== undefined && current._position >= position) return;
  const { n, sum, counts } = addTallies(current ?? emptyTally(), tally);
  context.put(SATISFACTION_BUCKETS, {
    _id: target.id,
    scope: target.scope,
    span: target.span,
    period: target.period,
    key: target.key,
    n,
    sum,
    counts,
    _position: position,
  } satisfies SatisfactionBucketDocument);
};

/**
 * Tallies every rating into its buckets (integer n, Σ score and counts per score, so adding
 * buckets is exact). A resolution is rated at most once (the ticket decider refuses a second
 * rating), so each rating event is one rating, as in the ratings read model.
 */
export const satisfactionBucketsProjection: Projection = {
  name: SATISFACTION_BUCKETS_PROJECTION,
  collections: [{ name: SATISFACTION_BUCKETS }],
  handles: [SATISFACTION_RATED],
  async apply(event: RecordedEvent, context) {
    if (event.type !== SATISFACTION_RATED) return;
    const rating = (event as unknown as SatisfactionRated).data;
    if (typeof rating.score !== 'number' || Number.isNaN(Date.parse(rating.at))) return;
    const tally = tallyOf(rating.score);
    for (const target of bucketsOf(rating)) await addTo(context, target, tally, event.position);
  },
};
