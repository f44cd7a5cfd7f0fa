import type { RecordedEvent } from '@crm/eventsourcing';
import type { OracleStageFigures } from './pipeline-oracle';
import { oracleCloses, oracleConversion } from './pipeline-oracle';

/**
 * What the conversion and win-rate reports must say, in their shape, computed from the
 * independent fold (pipeline-oracle.ts) alone. Percentiles by nearest rank, written here
 * again: the ⌈p·n⌉-th smallest.
 */
type Period = { from: string; to: string; asOf: string };

const median = (sorted: readonly number[]) => sorted[Math.ceil(sorted.length / 2) - 1] ?? null;
const p90 = (sorted: readonly number[]) => sorted[Math.ceil((sorted.length * 9) / 10) - 1] ?? null;
const inUnit = (ms: number | null, unit: number) =>
  ms === null ? null : Math.round((ms / unit) * 100) / 100;
const rate = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

/** The stage ids of the definition of a pipeline in force at an instant (log order decides ties). */
export const expectedStageOrder = (
  log: readonly RecordedEvent[],
  pipelineId: string,
  asOf: string,
): string[] | null => {
  let stages: string[] | null = null;
  for (const e of log) {
    const defines = e.type === 'PipelineDefined' || e.type === 'PipelineChanged';
    if (!defines || e.data.pipelineId !== pipelineId) continue;
    if (Date.parse(String(e.data.at)) > Date.parse(asOf)) continue;
    stages = (e.data.stages as { stageId: string }[]).map((s) => s.stageId);
  }
  return stages;
};

const stageRow = (stageId: string, f: OracleStageFigures, open: boolean, retired: boolean) => ({
  stageId,
  retired,
  entered: f.entered,
  movedForward: f.movedForward,
  movedBack: f.movedBack,
  won: f.won,
  lost: f.lost,
  reopened: f.reopened,
  stillIn: f.stillIn,
  conversion: open
    ? rate(f.movedForward + f.won, f.movedForward + f.movedBack + f.won + f.lost)
    : null,
  timeInStage: {
    count: f.durations.length,
    medianHours: inUnit(median(f.durations), 3_600_000),
    p90Hours: inUnit(p90(f.durations), 3_600_000),
  },
});

const none: OracleStageFigures = {
  entered: 0,
  movedForward: 0,
  movedBack: 0,
  won: 0,
  lost: 0,
  reopened: 0,
  stillIn: 0,
  durations: [],
};

/** Every stage of the definition at asOf in order, then the retired ones with stays, by id. */
export const expectedConversion = (
  log: readonly RecordedEvent[],
  pipelineId: string,
  period: Period,
  kindOf: (stageId: string) => string,
) => {
  const order = expectedStageOrder(log, pipelineId, period.asOf) ?? [];
  const figures = oracleConversion(log, pipelineId, period);
  const retired = [...figures.keys()].filter((id) => !order.includes(id)).sort();
  return [
    ...order.map((id) => stageRow(id, figures.get(id) ?? none, kindOf(id) === 'open', false)),
    ...retired.map((id) => stageRow(id, figures.get(id) ?? none, kindOf(id) === 'open', true)),
  ];
};

const keyOf = {
  owner: (d: { ownerId: string }) => d.ownerId,
  source: (d: { source: string }) => d.source,
  campaign: (d: { campaignId: string | null }) => d.campaignId,
};

const closeFigures = (closes: ReturnType<typeof oracleCloses>) => {
  const won = closes.filter((d) => d.status === 'won');
  const sums = new Map<string, bigint>();
  for (const d of won) sums.set(d.currency, (sums.get(d.currency) ?? 0n) + BigInt(d.amount));
  const cycles = won
    .map((d) => Date.parse(d.closedAt) - Date.parse(d.openedAt))
    .sort((a, b) => a - b);
  return {
    won: won.length,
    lost: closes.length - won.length,
    winRate: rate(won.length, closes.length),
    wonAmount: [...sums.keys()].sort().map((currency) => {
      const sum = sums.get(currency) ?? 0n;
      return {
        amount: sum <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(sum) : null,
        amountExact: sum.toString(),
        currency,
      };
    }),
    salesCycle: {
      count: cycles.length,
      medianDays: inUnit(median(cycles), 86_400_000),
      p90Days: inUnit(p90(cycles), 86_400_000),
    },
  };
};

/** Groups keyed as the report keys them (a Map, so order is checked separately), and the total. */
export const expectedWinRate = (
  log: readonly RecordedEvent[],
  by: 'owner' | 'source' | 'campaign',
  period: Period,
  pipelineId?: string,
) => {
  const closes = oracleCloses(log, period, pipelineId);
  const groups = new Map<string | null, typeof closes>();
  for (const d of closes) groups.set(keyOf[by](d), [...(groups.get(keyOf[by](d)) ?? []), d]);
  return {
    groups: new Map([...groups].map(([key, ds]) => [key, closeFigures(ds)])),
    total: closeFigures(closes),
  };
};
