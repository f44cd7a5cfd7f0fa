import type { PipelineDefinition, Stage } from '../domain/pipeline-definition';

export const stage = (
  stageId: string,
  probability: number,
  kind: Stage['kind'] = 'open',
): Stage => ({
  stageId,
  name: stageId.replace(/-/g, ' '),
  probability,
  kind,
});

/** A small valid pipeline: three open stages, then won and lost. */
export const salesStages = (): Stage[] => [
  stage('qualify', 10),
  stage('propose', 50),
  stage('negotiate', 80),
  stage('won', 100, 'won'),
  stage('lost', 0, 'lost'),
];

export const pipelineDefinition = (
  overrides: Partial<PipelineDefinition> = {},
): PipelineDefinition => ({
  pipelineId: 'pl-1',
  version: 1,
  name: 'New business',
  stages: salesStages(),
  ...overrides,
});
