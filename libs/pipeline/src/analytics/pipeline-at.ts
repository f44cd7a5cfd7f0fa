import type { Stage } from '../domain/pipeline-definition';
import type {
  DefinitionVersion,
  PipelineDefinitionDocument,
} from '../projections/pipeline-definitions.projection';
import { definitionAt } from '../projections/pipeline-definitions.projection';

/** A pipeline as it stood at an instant: the definition in force and those before it. */
export type PipelineAt = {
  pipelineId: string;
  name: string;
  version: number;
  stages: readonly Stage[];
  /** Every definition in force up to the instant, oldest first (the last is the one in force). */
  versions: readonly DefinitionVersion[];
};

/** The stage a deal's figures are weighed and named by; `inDefinition` false: an earlier one's. */
export type StageAt = { stage: Stage; inDefinition: boolean };

/** The pipeline at `asOf` (null: now); null when it was not yet defined then. */
export const pipelineAt = (
  document: PipelineDefinitionDocument,
  asOf: string | null,
): PipelineAt | null => {
  // Now: the last definition (the one that came into force at changedAt).
  const definition = definitionAt(document, asOf ?? document.changedAt);
  if (!definition) return null;
  const { pipelineId, name, version, stages } = definition;
  const versions =
    asOf === null
      ? document.versions
      : document.versions.filter((v) => Date.parse(v.from) <= Date.parse(asOf));
  return { pipelineId, name, version, stages, versions };
};

/**
 * The stage as the definition in force has it; for a stage it no longer has (deals left in a
 * removed stage), as the latest earlier definition that had it did. Null for a stage no
 * definition up to then had (a deal's stage always was in one: it entered under it).
 */
export const stageAt = (pipeline: PipelineAt, stageId: string): StageAt | null => {
  const current = pipeline.stages.find((s) => s.stageId === stageId);
  if (current) return { stage: current, inDefinition: true };
  for (const version of [...pipeline.versions].reverse()) {
    const earlier = version.stages.find((s) => s.stageId === stageId);
    if (earlier) return { stage: earlier, inDefinition: false };
  }
  return null;
};

/** What weighs a deal in a stage no definition had: nothing (see stageAt). */
export const unknownStage = (stageId: string): StageAt => ({
  stage: { stageId, name: stageId, probability: 0, kind: 'open' },
  inDefinition: false,
});
