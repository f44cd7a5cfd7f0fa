import { NotFoundException } from '@nestjs/common';
import type { DocumentStore, Filter } from '@crm/documents';
import type {
  CloseTotalDocument,
  OpportunityVersionDocument,
  StageTotalDocument,
} from '../../projections/pipeline-board.document';
import {
  CLOSE_TOTALS,
  OPPORTUNITY_VERSIONS,
  STAGE_TOTALS,
} from '../../projections/pipeline-board.document';
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
import type { PipelineAt } from './pipeline-at';
import { pipelineAt } from './pipeline-at';

/** What the reads need of a document store (the property specs also run them in memory). */
export type BoardDocuments = Pick<DocumentStore, 'aggregate'>;

/** `asOf` null: now, from the running totals; an instant: from the versions in force then. */
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

/** The pipelines defined by `asOf` (all now); 404 for a pipeline id that was never defined. */
const pipelinesAt = async (
  documents: BoardDocuments,
  pipelineId: string | undefined,
  asOf: string | null,
): Promise<PipelineAt[]> => {
  const match: Filter = pipelineId === undefined ? {} : { _id: pipelineId };
  const found = await documents.aggregate<PipelineDefinitionDocument>(PIPELINE_DEFINITIONS, [
    { $match: match },
  ]);
  if (pipelineId !== undefined && found.length === 0)
    throw new NotFoundException(`pipeline ${pipelineId} does not exist`);
  return found
    .map((document) => pipelineAt(document, asOf))
    .filter((p): p is PipelineAt => p !== null)
    .sort(byNameThenId);
};

const narrowed = (
  query: { pipelineId?: string },
  currency: { field: string; value?: string },
): Filter => ({
  ...(query.pipelineId === undefined ? {} : { pipelineId: query.pipelineId }),
  ...(currency.value === undefined ? {} : { [currency.field]: currency.value }),
});

/** Each version in force at `asOf`: valid over [validFrom, validTo), as ranges on indexed fields. */
const versionsAt = (
  documents: BoardDocuments,
  asOf: string,
  query: { pipelineId?: string; currency?: string },
): Promise<OpportunityVersionDocument[]> =>
  documents.aggregate<OpportunityVersionDocument>(OPPORTUNITY_VERSIONS, [
    {
      $match: {
        validFrom: { $lte: asOf },
        validTo: { $gt: asOf },
        ...narrowed(query, { field: 'amount.currency', value: query.currency }),
      },
    },
  ]);

const boardSums = async (documents: BoardDocuments, query: BoardQuery): Promise<DealSum[]> => {
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
  return (await versionsAt(documents, query.asOf, query)).map((v) => ({
    pipelineId: v.pipelineId,
    stageId: v.stageId,
    ownerId: v.ownerId,
    currency: v.amount.currency,
    count: 1,
    amount: BigInt(v.amount.amount),
  }));
};

/** GET /analytics/pipeline: per pipeline, stage (and owner), currency: count, Σ amount, weighted. */
export const pipelineBoard = async (
  documents: BoardDocuments,
  query: BoardQuery,
): Promise<PipelineBoard> => {
  const pipelines = await pipelinesAt(documents, query.pipelineId, query.asOf);
  const sums = await boardSums(documents, query);
  return {
    asOf: query.asOf ?? query.now,
    by: query.by,
    pipelines: pipelines.map((pipeline) => pipelineFigures(pipeline, sums, query.by)),
  };
};

/** The UTC day a version counts on: its expected close while open, the day it closed once not. */
const dayOf = (v: OpportunityVersionDocument): string =>
  v.closedAt === null ? v.expectedCloseDate : v.closedAt.slice(0, 10);

const forecastSums = async (
  documents: BoardDocuments,
  query: ForecastQuery,
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
  return (await versionsAt(documents, query.asOf, query))
    .filter((v) => dayOf(v) >= query.from && dayOf(v) <= query.to)
    .map((v) => ({
      pipelineId: v.pipelineId,
      stageId: v.stageId,
      status: v.status,
      currency: v.amount.currency,
      count: 1,
      amount: BigInt(v.amount.amount),
    }));
};

/** GET /analytics/pipeline/forecast: per currency, open weighted with close in the period, won, lost. */
export const pipelineForecast = async (
  documents: BoardDocuments,
  query: ForecastQuery,
): Promise<PipelineForecast> => {
  const pipelines = await pipelinesAt(documents, query.pipelineId, query.asOf);
  const sums = await forecastSums(documents, query);
  return {
    asOf: query.asOf ?? query.now,
    from: query.from,
    to: query.to,
    pipelineId: query.pipelineId ?? null,
    currencies: forecastFigures(new Map(pipelines.map((p) => [p.pipelineId, p])), sums),
  };
};
