export const SCORES = [1, 2, 3, 4, 5] as const;
export type Score = (typeof SCORES)[number];

/** Integer tallies of a set of ratings; adding tallies is exact, so groups sum to the overall. */
export type SatisfactionTally = { n: number; sum: number; counts: Record<Score, number> };

export type SatisfactionFigures = {
  n: number;
  /** Σ score / n; null without ratings. */
  average: number | null;
  /** Share of ratings scored 4 or 5, in percent; null without ratings. */
  csatPercent: number | null;
  distribution: Record<Score, number>;
};

export const emptyTally = (): SatisfactionTally => ({
  n: 0,
  sum: 0,
  counts: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
});

export const addTallies = (a: SatisfactionTally, b: SatisfactionTally): SatisfactionTally => ({
  n: a.n + b.n,
  sum: a.sum + b.sum,
  counts: {
    1: a.counts[1] + b.counts[1],
    2: a.counts[2] + b.counts[2],
    3: a.counts[3] + b.counts[3],
    4: a.counts[4] + b.counts[4],
    5: a.counts[5] + b.counts[5],
  },
});

export const toFigures = ({ n, sum, counts }: SatisfactionTally): SatisfactionFigures => ({
  n,
  average: n === 0 ? null : sum / n,
  csatPercent: n === 0 ? null : (100 * (counts[4] + counts[5])) / n,
  distribution: { ...counts },
});
