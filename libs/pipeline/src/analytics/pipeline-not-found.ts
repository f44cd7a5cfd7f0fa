import { NotFoundException } from '@nestjs/common';

/**
 * One rule for the four pipeline analytics: a pipeline named by `pipelineId` that was never
 * defined, or not yet at `asOf`, is a 404 saying which; without a pipelineId they answer with the
 * pipelines that existed then (none is an empty answer, not an error).
 */
export const pipelineNotFound = (pipelineId: string): NotFoundException =>
  new NotFoundException(`pipeline ${pipelineId} does not exist`);

export const pipelineNotYetDefined = (pipelineId: string, asOf: string): NotFoundException =>
  new NotFoundException(`pipeline ${pipelineId} was not yet defined at ${asOf}`);
