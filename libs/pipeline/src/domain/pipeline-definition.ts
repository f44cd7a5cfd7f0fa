/** `open` stages carry a deal along; exactly one `won` and one `lost` stage end it. */
export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/** A stage: its place in the pipeline is its index in `stages`. Probability is 0–100 (%). */
export type Stage = {
  readonly stageId: string;
  readonly name: string;
  readonly probability: number;
  readonly kind: StageKind;
};

/**
 * The definition in force at one moment. `version` counts definitions of this pipeline (1 for
 * the first), so an opportunity's events can say which definition validated them.
 */
export type PipelineDefinition = {
  readonly pipelineId: string;
  readonly version: number;
  readonly name: string;
  readonly stages: readonly Stage[];
};

/** Why a list of stages is not a pipeline; null when it is one. */
export type StagesProblem =
  | { problem: 'duplicate-stage-id'; stageId: string }
  | { problem: 'probability-out-of-range'; stageId: string; probability: number }
  | { problem: 'terminal-stage-count'; kind: 'won' | 'lost'; count: number }
  | { problem: 'no-open-stage' };

export const stagesProblem = (stages: readonly Stage[]): StagesProblem | null => {
  const seen = new Set<string>();
  for (const stage of stages) {
    if (seen.has(stage.stageId)) return { problem: 'duplicate-stage-id', stageId: stage.stageId };
    seen.add(stage.stageId);
    const { probability } = stage;
    if (!Number.isInteger(probability) || probability < 0 || probability > 100) {
      return { problem: 'probability-out-of-range', stageId: stage.stageId, probability };
    }
  }
  for (const kind of ['won', 'lost'] as const) {
    const count = stages.filter((stage) => stage.kind === kind).length;
    if (count !== 1) return { problem: 'terminal-stage-count', kind, count };
  }
  if (!stages.some((stage) => stage.kind === 'open')) return { problem: 'no-open-stage' };
  return null;
};

export const findStage = (pipeline: PipelineDefinition, stageId: string): Stage | undefined =>
  pipeline.stages.find((stage) => stage.stageId === stageId);

export const firstOpenStage = (pipeline: PipelineDefinition): Stage | undefined =>
  pipeline.stages.find((stage) => stage.kind === 'open');

export const terminalStage = (
  pipeline: PipelineDefinition,
  kind: 'won' | 'lost',
): Stage | undefined => pipeline.stages.find((stage) => stage.kind === kind);
