import { NotFoundException } from '@nestjs/common';
import type { Document, DocumentStore, Filter } from '@crm/documents';
import type { StageEntryDocument } from '../../projections/pipeline-board.document';
import { STAGE_HISTORY } from '../../projections/pipeline-board.document';
import type { PipelineDefinitionDocument } from '../../projections/pipeline-definitions.projection';
import {
  PIPELINE_DEFINITIONS,
  definitionAt,
} from '../../projections/pipeline-definitions.projection';
import type { Window } from './period';
import { lastCounted } from './period';
import type { ConversionReport } from './stage-conversion';
import { stageConversionReport } from './stage-conversion';
import type { WinRateKey, WinRateReport } from './win-rate';
import { winRateReport } from './win-rate';

const PAGE = 5_000;

/** Every document matching, page by page, in the order of the index it is read by. */
const findAll = async <T extends Document>(
  documents: DocumentStore,
  filter: Filter,
): Promise<T[]> => {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await documents.find<T>(STAGE_HISTORY, filter, {
      sort: { enteredAt: 1 },
      limit: PAGE,
      cursor,
    });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
};

/** Only the stays that began in the period and by asOf: a range on `enteredAt`, indexed. */
const definitionsOf = async (
  documents: DocumentStore,
  pipelineId: string,
): Promise<PipelineDefinitionDocument> => {
  const pipeline = await documents.get<PipelineDefinitionDocument>(
    PIPELINE_DEFINITIONS,
    pipelineId,
  );
  if (!pipeline) throw new NotFoundException(`pipeline ${pipelineId} does not exist`);
  return pipeline;
};

const staysOfPeriod = async (
  documents: DocumentStore,
  window: Window,
  filter: Filter,
): Promise<StageEntryDocument[]> => {
  const until = lastCounted(window);
  if (until < window.from) return [];
  return findAll<StageEntryDocument>(documents, {
    ...filter,
    enteredAt: { $gte: window.from, $lte: until },
  });
};

export const pipelineConversion = async (
  documents: DocumentStore,
  pipelineId: string,
  window: Window,
): Promise<ConversionReport> => {
  const pipeline = await definitionsOf(documents, pipelineId);
  const definition = definitionAt(pipeline, window.asOf);
  if (!definition) {
    throw new NotFoundException(`pipeline ${pipelineId} was not yet defined at ${window.asOf}`);
  }
  const stays = await staysOfPeriod(documents, window, { pipelineId });
  return stageConversionReport(definition, pipeline.versions, stays, window);
};

export const pipelineWinRate = async (
  documents: DocumentStore,
  by: WinRateKey,
  pipelineId: string | null,
  window: Window,
): Promise<WinRateReport> => {
  if (pipelineId !== null) await definitionsOf(documents, pipelineId);
  const closes = await staysOfPeriod(documents, window, {
    ...(pipelineId === null ? {} : { pipelineId }),
    stageKind: { $in: ['won', 'lost'] },
  });
  return winRateReport(closes, by, pipelineId, window);
};
