import type { DocumentStore, Filter, Pipeline } from '@crm/documents';
import type { SatisfactionFigures, SatisfactionTally, Score } from './satisfaction-stats';
import { addTallies, emptyTally, SCORES, toFigures } from './satisfaction-stats';
import { SATISFACTION_RATINGS } from './satisfaction-rating.document';

export const SATISFACTION_GROUPINGS = ['agent', 'category', 'channel', 'month'] as const;
export type SatisfactionGrouping = (typeof SATISFACTION_GROUPINGS)[number];

const GROUP_FIELD: Record<SatisfactionGrouping, string> = {
  agent: '$agentId',
  category: '$category',
  channel: '$channel',
  month: '$month',
};

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

type GroupRow = { _id: string | null; n: number; sum: number } & Record<`s${Score}`, number>;

const rangeFilter = ({ from, to }: SatisfactionReportQuery): Filter => {
  const ratedAt: Record<string, string> = {};
  if (from) ratedAt.$gte = from;
  if (to) ratedAt.$lt = to;
  return Object.keys(ratedAt).length > 0 ? { ratedAt } : {};
};

export const satisfactionPipeline = (query: SatisfactionReportQuery): Pipeline => [
  { $match: rangeFilter(query) },
  {
    $group: {
      _id: query.by ? GROUP_FIELD[query.by] : null,
      n: { $sum: 1 },
      sum: { $sum: '$score' },
      ...Object.fromEntries(
        SCORES.map((s) => [`s${s}`, { $sum: { $cond: [{ $eq: ['$score', s] }, 1, 0] } }]),
      ),
    },
  },
  { $sort: { _id: 1 } },
];

const toTally = (row: GroupRow): SatisfactionTally => ({
  n: row.n,
  sum: row.sum,
  counts: { 1: row.s1, 2: row.s2, 3: row.s3, 4: row.s4, 5: row.s5 },
});

/** Σ score / n and CSAT overall and per group, over the ratings in the time range. */
export const satisfactionReport = async (
  documents: DocumentStore,
  query: SatisfactionReportQuery,
): Promise<SatisfactionReport> => {
  const rows = await documents.aggregate<GroupRow>(
    SATISFACTION_RATINGS,
    satisfactionPipeline(query),
  );
  const tallies = rows.map((row) => ({ key: row._id ?? null, tally: toTally(row) }));
  const overall = tallies.reduce((total, { tally }) => addTallies(total, tally), emptyTally());
  return {
    by: query.by ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
    overall: toFigures(overall),
    groups: query.by ? tallies.map(({ key, tally }) => ({ key, ...toFigures(tally) })) : [],
  };
};
