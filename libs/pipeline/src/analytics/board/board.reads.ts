import type { DocumentStore, Filter } from '@crm/documents';
import type {
  CloseTotalDocument,
  StageTotalDocument,
} from '../../projections/pipeline-board.document';
import { CLOSE_TOTALS, STAGE_TOTALS } from '../../projections/pipeline-board.document';
import type { PipelineDefinitionDocument } from '../../projections/pipeline-definitions.projection';
import { PIPELINE_DEFINITIONS } from '../../projections/pipeline-definitions.projection';
import type {
  BoardGrouping,
  CurrencyForecast,
  DealSum,
  ForecastSum,
  PipelineFigures,
} from './board-figures';
import { forecastFigures, pipelineFigures } from './board-figures';
import type { OpportunityVersionsIndex } from './opportunity-versions.index';
import { pipelineNotFound, pipelineNotYetDefined } from '../pipeline-not-found';
import type { PipelineAt } from '../pipeline-at';
import { pipelineAt } from '../pipeline-at';

/** What the reads need of a document store (the property specs also run them in memory). */
export type BoardDocuments = Pick<DocumentStore, 'aggregate' | 'find'>;

/** `asOf` null: now, from the running totals; an instant: from the versions in force then (the index). */
export type BoardQuery = {
  by: BoardGrouping;
  pipelineId?: string;
  currency?: string;
  asOf: string | null;
  now: string;
};

export type ForecastQuery = {
  /** `YYYY-MM-DD`, both days included. */
  from: string;
  to: string;
  pipelineId?: string;
  currency?: string;
  asOf: string | null;
  now: string;
};

export type PipelineBoard = { asOf: string; by: BoardGrouping; pipelines: PipelineFigures[] };

export type PipelineForecast = {
  asOf: string;
  from: string;
  to: string;
  pipelineId: string | null;
  currencies: CurrencyForecast[];
};

const byNameThenId = (a: PipelineAt, b: PipelineAt): number =>
  a.name === b.name ? (a.pipelineId < b.pipelineId ? -1 : 1) : a.name < b.name ? -1 : 1;

/**
 * The pipelines defined by `asOf` (all now); 404 for a pipeline id that was never defined or
 * not yet at `asOf` (see pipeline-not-found.ts).
 */
const pipelinesAt = async (
  documents: BoardDocuments,
  pipelineId: string | undefined,
  asOf: string | null,
): Promise<PipelineAt[]> => {
  const match: Filter = pipelineId === undefined ? {} : { _id: pipelineId };
  const found = await documents.aggregate<PipelineDefinitionDocument>(PIPELINE_DEFINITIONS, [
    { $match: match },
  ]);
  const pipelines = found
    .map((document) => pipelineAt(document, asOf))
    .filter((p): p is PipelineAt => p !== null)
    .sort(byNameThenId);
  if (pipelineId !== undefined && found.length === 0) throw pipelineNotFound(pipelineId);
  if (pipelineId !== undefined && asOf !== null && pipelines.length === 0)
    throw pipelineNotYetDefined(pipelineId, asOf);
  return pipelines;
};

const narrowed = (
  query: { pipelineId?: string },
  currency: { field: string; value?: string },
): Filter => ({
  ...(query.pipelineId === undefined ? {} : { pipelineId: query.pipelineId }),
  ...(currency.value === undefined ? {} : { [currency.field]: currency.value }),
});

const boardSums = async (
  documents: BoardDocuments,
  query: BoardQuery,
  versions: OpportunityVersionsIndex,
): Promise<DealSum[]> => {
  if (query.asOf === null) {
    const totals = await documents.aggregate<StageTotalDocument>(STAGE_TOTALS, [
      { $match: narrowed(query, { field: 'currency', value: query.currency }) },
    ]);
    return totals.map(({ pipelineId, stageId, ownerId, currency, count, amount }) => ({
      pipelineId,
      stageId,
      ownerId,
      currency,
      count,
      amount: BigInt(amount),
    }));
  }
  await versions.refresh(documents);
  return versions.boardSumsAt(query.asOf, query);
};

/** GET /analytics/pipeline: per pipeline, stage (and owner), currency: count, Σ amount, weighted. */
export const pipelineBoard = async (
  documents: BoardDocuments,
  query: BoardQuery,
  versions: OpportunityVersionsIndex,
): Promise<PipelineBoard> => {
  const pipelines = await pipelinesAt(documents, query.pipelineId, query.asOf);
  const sums = await boardSums(documents, query, versions);
  return {
    asOf: query.asOf ?? query.now,
    by: query.by,
    pipelines: pipelines.map((pipeline) => pipelineFigures(pipeline, sums, query.by)),
  };
};

const forecastSums = async (
  documents: BoardDocuments,
  query: ForecastQuery,
  versions: OpportunityVersionsIndex,
): Promise<ForecastSum[]> => {
  if (query.asOf === null) {
    // Only the days of the period: the close totals are kept per day.
    const totals = await documents.aggregate<CloseTotalDocument>(CLOSE_TOTALS, [
      {
        $match: {
          day: { $gte: query.from, $lte: query.to },
          ...narrowed(query, { field: 'currency', value: query.currency }),
        },
      },
    ]);
    return totals.map(({ pipelineId, stageId, stageKind, currency, count, amount }) => ({
      pipelineId,
      stageId,
      status: stageKind,
      currency,
      count,
      amount: BigInt(amount),
    }));
  }
  await versions.refresh(documents);
  return versions.forecastSumsAt(query.asOf, query.from, query.to, query);
};

/** GET /analytics/pipeline/forecast: per currency, open weighted with close in the period, won, lost. */
export const pipelineForecast = async (
  documents: BoardDocuments,
  query: ForecastQuery,
  versions: OpportunityVersionsIndex,
): Promise<PipelineForecast> => {
  const pipelines = await pipelinesAt(documents, query.pipelineId, query.asOf);
  const sums = await forecastSums(documents, query, versions);
  return {
    asOf: query.asOf ?? query.now,
    from: query.from,
    to: query.to,
    pipelineId: query.pipelineId ?? null,
    currencies: forecastFigures(new Map(pipelines.map((p) => [p.pipelineId, p])), sums),
  };
};
