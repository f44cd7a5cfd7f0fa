import type { ExactMoney } from '@crm/sales';
import { exactMoney } from '@crm/sales';
import { addWeighted, weightedSum } from '../../domain/forecast';
import type { WeightedTotal } from '../../domain/forecast';
import type { StageKind } from '../../domain/pipeline-definition';
import type { OpportunityStatus } from '../../projections/pipeline-board.document';
import type { PipelineAt, StageAt } from '../pipeline-at';
import { stageAt, unknownStage } from '../pipeline-at';

/**
 * Pure: the board's and the forecast's figures from sums of deals (count and Σ amount per
 * pipeline, stage, owner or status, and currency), weighed by the stage's probability in the
 * definition in force (see pipeline-at.ts). Now the sums come from the running totals, as of a
 * past instant from the opportunity versions in force then; both end here.
 */

export type BoardGrouping = 'stage' | 'owner';

export type DealSum = {
  pipelineId: string;
  stageId: string;
  ownerId: string;
  currency: string;
  count: number;
  amount: bigint;
};

export type ForecastSum = {
  pipelineId: string;
  stageId: string;
  status: OpportunityStatus;
  currency: string;
  count: number;
  amount: bigint;
};

/** Σ amount × probability, exact: a decimal number of minor units (hundredths at most). */
export type WeightedMoney = { amountExact: string; currency: string };

export type CurrencyFigures = {
  currency: string;
  count: number;
  amount: ExactMoney;
  weightedAmount: WeightedMoney;
};

export type OwnerFigures = { ownerId: string; totals: CurrencyFigures[] };

export type StageFigures = {
  stageId: string;
  name: string;
  kind: StageKind;
  probability: number;
  inDefinition: boolean;
  totals: CurrencyFigures[];
  owners?: OwnerFigures[];
};

export type PipelineFigures = {
  pipelineId: string;
  name: string;
  version: number;
  stages: StageFigures[];
};

export type CurrencyForecast = {
  currency: string;
  open: { count: number; amount: ExactMoney; weightedAmount: WeightedMoney };
  won: { count: number; amount: ExactMoney };
  lost: { count: number };
};

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const weighed = (total: WeightedTotal): WeightedMoney => ({
  amountExact: total.minorUnits,
  currency: total.currency,
});

type Sum = { count: number; amount: bigint };

const add = (sums: Map<string, Sum>, key: string, count: number, amount: bigint): void => {
  const sum = sums.get(key) ?? { count: 0, amount: 0n };
  sums.set(key, { count: sum.count + count, amount: sum.amount + amount });
};

/** Per currency, ordered by code; every deal of the stage weighs at its probability. */
const currencyFigures = (sums: readonly DealSum[], probability: number): CurrencyFigures[] => {
  const byCurrency = new Map<string, Sum>();
  for (const s of sums) add(byCurrency, s.currency, s.count, s.amount);
  return [...byCurrency]
    .filter(([, sum]) => sum.count > 0)
    .sort(([a], [b]) => byText(a, b))
    .map(([currency, sum]) => ({
      currency,
      count: sum.count,
      amount: exactMoney(sum.amount, currency),
      weightedAmount: weighed(weightedSum(currency, sum.amount, probability)),
    }));
};

const ownerFigures = (sums: readonly DealSum[], probability: number): OwnerFigures[] =>
  [...new Set(sums.map((s) => s.ownerId))]
    .sort(byText)
    .map((ownerId) => ({
      ownerId,
      totals: currencyFigures(
        sums.filter((s) => s.ownerId === ownerId),
        probability,
      ),
    }))
    .filter((owner) => owner.totals.length > 0);

const stageFigures = (
  { stage, inDefinition }: StageAt,
  sums: readonly DealSum[],
  by: BoardGrouping,
): StageFigures => ({
  stageId: stage.stageId,
  name: stage.name,
  kind: stage.kind,
  probability: stage.probability,
  inDefinition,
  totals: currencyFigures(sums, stage.probability),
  ...(by === 'owner' ? { owners: ownerFigures(sums, stage.probability) } : {}),
});

/**
 * One pipeline's board: its stages in definition order, then any stage the definition no
 * longer has that still holds deals (ordered by id), each weighed as stageAt says.
 */
export const pipelineFigures = (
  pipeline: PipelineAt,
  sums: readonly DealSum[],
  by: BoardGrouping,
): PipelineFigures => {
  const own = sums.filter((s) => s.pipelineId === pipeline.pipelineId && s.count > 0);
  const defined = new Set(pipeline.stages.map((s) => s.stageId));
  const others = [...new Set(own.map((s) => s.stageId))].filter((id) => !defined.has(id));
  const stages = [
    ...pipeline.stages.map((stage): StageAt => ({ stage, inDefinition: true })),
    ...others.sort(byText).map((id) => stageAt(pipeline, id) ?? unknownStage(id)),
  ];
  return {
    pipelineId: pipeline.pipelineId,
    name: pipeline.name,
    version: pipeline.version,
    stages: stages.map((stage) =>
      stageFigures(
        stage,
        own.filter((s) => s.stageId === stage.stage.stageId),
        by,
      ),
    ),
  };
};

type ForecastTotals = { open: Sum; weighted: WeightedTotal; won: Sum; lost: Sum };

/**
 * Per currency (ordered by code): open deals weighed by their stage's probability in the
 * definition in force, won deals' count and amount, lost deals' count.
 */
export const forecastFigures = (
  pipelines: ReadonlyMap<string, PipelineAt>,
  sums: readonly ForecastSum[],
): CurrencyForecast[] => {
  const totals = new Map<string, ForecastTotals>();
  for (const s of sums) {
    const zero = { count: 0, amount: 0n };
    const t = totals.get(s.currency) ?? {
      open: zero,
      weighted: weightedSum(s.currency, 0n, 0),
      won: zero,
      lost: zero,
    };
    const sum = { count: t[s.status].count + s.count, amount: t[s.status].amount + s.amount };
    let weighted = t.weighted;
    if (s.status === 'open') {
      const pipeline = pipelines.get(s.pipelineId);
      const stage = (pipeline && stageAt(pipeline, s.stageId)) ?? unknownStage(s.stageId);
      weighted = addWeighted(weighted, weightedSum(s.currency, s.amount, stage.stage.probability));
    }
    totals.set(s.currency, { ...t, [s.status]: sum, weighted });
  }
  return [...totals]
    .filter(([, t]) => t.open.count + t.won.count + t.lost.count > 0)
    .sort(([a], [b]) => byText(a, b))
    .map(([currency, t]) => ({
      currency,
      open: {
        count: t.open.count,
        amount: exactMoney(t.open.amount, currency),
        weightedAmount: weighed(t.weighted),
      },
      won: { count: t.won.count, amount: exactMoney(t.won.amount, currency) },
      lost: { count: t.lost.count },
    }));
};
