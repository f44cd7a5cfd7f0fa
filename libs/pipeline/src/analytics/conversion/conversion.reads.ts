import type { DocumentStore, Filter } from '@crm/documents';
import { findEvery } from '@crm/documents';
import type { PipelineDefinition } from '../../domain/pipeline-definition';
import type { StageEntryDocument } from '../../projections/pipeline-board.document';
import { STAGE_HISTORY } from '../../projections/pipeline-board.document';
import type { PipelineDefinitionDocument } from '../../projections/pipeline-definitions.projection';
import {
  PIPELINE_DEFINITIONS,
  definitionAt,
} from '../../projections/pipeline-definitions.projection';
import { pipelineNotFound, pipelineNotYetDefined } from '../pipeline-not-found';
import type { Window } from '../period';
import { lastCounted } from '../period';
import type { ConversionReport } from './stage-conversion';
import { stageConversionReport } from './stage-conversion';
import type { WinRateKey, WinRateReport } from './win-rate';
import { winRateReport } from './win-rate';

/**
 * The pipeline's definitions and the one in force at asOf; 404 for a pipeline that was never
 * defined or not yet at asOf (see pipeline-not-found.ts).
 */
const definitionsAt = async (
  documents: DocumentStore,
  pipelineId: string,
  asOf: string,
): Promise<{ pipeline: PipelineDefinitionDocument; definition: PipelineDefinition }> => {
  const pipeline = await documents.get<PipelineDefinitionDocument>(
    PIPELINE_DEFINITIONS,
    pipelineId,
  );
  if (!pipeline) throw pipelineNotFound(pipelineId);
  const definition = definitionAt(pipeline, asOf);
  if (!definition) throw pipelineNotYetDefined(pipelineId, asOf);
  return { pipeline, definition };
};

/** Only the stays that began in the period and by asOf: a range on `enteredAt`, indexed. */
const staysOfPeriod = async (
  documents: DocumentStore,
  window: Window,
  filter: Filter,
): Promise<StageEntryDocument[]> => {
  const until = lastCounted(window);
  if (until < window.from) return [];
  return findEvery<StageEntryDocument>(
    documents,
    STAGE_HISTORY,
    { ...filter, enteredAt: { $gte: window.from, $lte: until } },
    { enteredAt: 1 },
  );
};

export const pipelineConversion = async (
  documents: DocumentStore,
  pipelineId: string,
  window: Window,
): Promise<ConversionReport> => {
  const { pipeline, definition } = await definitionsAt(documents, pipelineId, window.asOf);
  const stays = await staysOfPeriod(documents, window, { pipelineId });
  return stageConversionReport(definition, pipeline.versions, stays, window);
};

export const pipelineWinRate = async (
  documents: DocumentStore,
  by: WinRateKey,
  pipelineId: string | null,
  window: Window,
): Promise<WinRateReport> => {
  if (pipelineId !== null) await definitionsAt(documents, pipelineId, window.asOf);
  const scope = pipelineId === null ? {} : { pipelineId };
  // One range per closing kind, each an index range on (stageKind, enteredAt): the open stays,
  // most of the history, are never read.
  const won = await staysOfPeriod(documents, window, { ...scope, stageKind: 'won' });
  const lost = await staysOfPeriod(documents, window, { ...scope, stageKind: 'lost' });
  return winRateReport([...won, ...lost], by, pipelineId, window);
};
