import type { ExactMoney } from '@crm/sales';
import { exactMoney } from '@crm/sales';
import type { StageEntryDocument } from '../../projections/pipeline-board.document';
import type { DurationSummary } from './durations';
import { DAY_MS, summarise } from './durations';
import type { Window } from '../period';
import { knownAt, lastCounted } from '../period';
import { ratio } from './stage-conversion';

export const WIN_RATE_KEYS = ['owner', 'source', 'campaign'] as const;
export type WinRateKey = (typeof WIN_RATE_KEYS)[number];

/** A stay in a won or lost stage: the deal as it closed (a closed deal does not change). */
export type Close = Pick<
  StageEntryDocument,
  | 'stageKind'
  | 'enteredAt'
  | 'exitedAt'
  | 'ownerId'
  | 'source'
  | 'campaignId'
  | 'amount'
  | 'openedAt'
>;

export type WinRateFigures = {
  won: number;
  lost: number;
  /** won / (won + lost), to 4 decimals; null when none closed. */
  winRate: number | null;
  /** Σ amount of the won deals, per currency (exact). */
  wonAmount: ExactMoney[];
  /** openedAt → closedAt of the won deals, in days. */
  salesCycle: { count: number; medianDays: number | null; p90Days: number | null };
};

export type WinRateGroup = WinRateFigures & { key: string | null };

export type WinRateReport = {
  by: WinRateKey;
  pipelineId: string | null;
  from: string;
  to: string;
  asOf: string;
  groups: WinRateGroup[];
  total: WinRateFigures;
};

const keyOf = (close: Close, by: WinRateKey): string | null =>
  by === 'owner' ? close.ownerId : by === 'source' ? close.source : close.campaignId;

const inDays = ({ count, median, p90 }: DurationSummary) => ({
  count,
  medianDays: median,
  p90Days: p90,
});

const figures = (closes: readonly Close[]): WinRateFigures => {
  const won = closes.filter((c) => c.stageKind === 'won');
  const amounts = new Map<string, bigint>();
  for (const { amount } of won) {
    amounts.set(amount.currency, (amounts.get(amount.currency) ?? 0n) + BigInt(amount.amount));
  }
  return {
    won: won.length,
    lost: closes.length - won.length,
    winRate: ratio(won.length, closes.length),
    wonAmount: [...amounts]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, sum]) => exactMoney(sum, currency)),
    salesCycle: inDays(
      summarise(
        won.map((c) => Date.parse(c.enteredAt) - Date.parse(c.openedAt)),
        DAY_MS,
      ),
    ),
  };
};

/**
 * Deals closed in the period as known at asOf: a stay in the won or lost stage that began in
 * the period by asOf and that the deal had not left by asOf (a lost deal reopened later was
 * still lost then; one reopened by asOf is not closed). Grouped by the owner, source or
 * campaign the deal had when it closed; keys in order, the deals without a campaign (null) last.
 */
export const winRateReport = (
  closes: readonly Close[],
  by: WinRateKey,
  pipelineId: string | null,
  window: Window,
): WinRateReport => {
  const until = lastCounted(window);
  const counted = closes.filter(
    (c) =>
      c.stageKind !== 'open' &&
      c.enteredAt >= window.from &&
      c.enteredAt <= until &&
      !knownAt(c.exitedAt, window.asOf),
  );
  const groups = new Map<string | null, Close[]>();
  for (const close of counted) {
    const key = keyOf(close, by);
    const group = groups.get(key);
    if (group) group.push(close);
    else groups.set(key, [close]);
  }
  const keys = [...groups.keys()].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0,
  );
  return {
    by,
    pipelineId,
    from: window.from,
    to: window.to,
    asOf: window.asOf,
    groups: keys.map((key) => ({ key, ...figures(groups.get(key) ?? []) })),
    total: figures(counted),
  };
};
