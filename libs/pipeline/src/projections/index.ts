import type { Projection } from '@crm/eventsourcing';
import { activitiesProjection } from './activities.projection';
import { pipelineBoardProjection } from './pipeline-board.projection';
import { pipelineDefinitionsProjection } from './pipeline-definitions.projection';

export * from './activity.document';
export * from './activities.projection';
export * from './pipeline-board.document';
export * from './pipeline-board.projection';
export * from './pipeline-definitions.projection';

/** The pipeline's read models, for the composition's list of projections. */
export const pipelineProjections: readonly Projection[] = [
  pipelineDefinitionsProjection,
  pipelineBoardProjection,
  activitiesProjection,
];
