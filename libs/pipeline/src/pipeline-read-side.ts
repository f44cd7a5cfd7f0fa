import type { Provider, Type } from '@nestjs/common';
import type { Projection } from '@crm/eventsourcing';

/**
 * The pipeline's read side, plugged into the module and the composition here: its projections
 * (run by crm-api and crm-projector through `allProjections`), its GET controllers and its
 * query handlers. The write side (commands, `application/`, `http/`) does not depend on them.
 */
export const pipelineProjections: readonly Projection[] = [];

export const pipelineReadControllers: readonly Type[] = [];

export const pipelineQueryProviders: readonly Provider[] = [];
