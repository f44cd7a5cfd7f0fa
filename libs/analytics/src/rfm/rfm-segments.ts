export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'new',
  'potential_loyalists',
  'cant_lose',
  'at_risk',
  'hibernating',
  'lost',
] as const;

export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export const isRfmSegment = (name: string): name is RfmSegment =>
  (RFM_SEGMENTS as readonly string[]).includes(name);

export type RfmScores = { r: number; f: number; m: number };

/**
 * The first rule that matches names the segment (scores are quintiles 1–5, 5 best):
 *
 * | segment             | rule                                   |
 * |---------------------|----------------------------------------|
 * | champions           | R ≥ 4, F ≥ 4, M ≥ 4                    |
 * | loyal               | R ≥ 3, F ≥ 4                           |
 * | new                 | R ≥ 4 and exactly one order            |
 * | potential_loyalists | R ≥ 3                                  |
 * | cant_lose           | R ≤ 2, F ≥ 4, M ≥ 4                    |
 * | at_risk             | R ≤ 2, F ≥ 3 or M ≥ 3                  |
 * | hibernating         | R = 2                                  |
 * | lost                | R = 1                                  |
 */
export const segmentOf = ({ r, f, m }: RfmScores, orderCount: number): RfmSegment => {
  if (r >= 4 && f >= 4 && m >= 4) return 'champions';
  if (r >= 3 && f >= 4) return 'loyal';
  if (r >= 4 && orderCount === 1) return 'new';
  if (r >= 3) return 'potential_loyalists';
  if (f >= 4 && m >= 4) return 'cant_lose';
  if (f >= 3 || m >= 3) return 'at_risk';
  return r === 2 ? 'hibernating' : 'lost';
};
