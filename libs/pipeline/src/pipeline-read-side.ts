import type { Provider, Type } from '@nestjs/common';
import type { Projection } from '@crm/eventsourcing';
import { PipelineBoardController } from './analytics/board/board.controller';
import { BoardVersions } from './analytics/board/board-versions.provider';
import { PipelineConversionController } from './analytics/conversion/conversion.controller';
import { activitiesProjection } from './projections/activities.projection';
import { pipelineBoardProjection } from './projections/pipeline-board.projection';
import { pipelineDefinitionsProjection } from './projections/pipeline-definitions.projection';
import {
  ActivityReadsController,
  OpportunityReadsController,
  PipelineReadsController,
} from './queries/pipeline-read.controllers';
import { PipelineReadHandler } from './queries/pipeline-read.query';

/**
 * The pipeline's read side, plugged into the module and the composition here: its projections
 * (run by crm-api and crm-projector through `allProjections`), its GET controllers and its
 * query handlers. The write side (commands, `application/`, `http/`) does not depend on them.
 */
export const pipelineProjections: readonly Projection[] = [
  pipelineDefinitionsProjection,
  pipelineBoardProjection,
  activitiesProjection,
];

export const pipelineReadControllers: readonly Type[] = [
  OpportunityReadsController,
  PipelineReadsController,
  ActivityReadsController,
  PipelineBoardController,
  PipelineConversionController,
];

export const pipelineQueryProviders: readonly Provider[] = [PipelineReadHandler, BoardVersions];
