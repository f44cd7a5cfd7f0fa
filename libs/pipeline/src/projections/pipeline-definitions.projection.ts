import type { RecordedEvent } from '@crm/eventsourcing';
import { documentProjection } from '@crm/eventsourcing';
import type { PipelineEvent } from '../domain/pipeline';
import type { PipelineDefinition, Stage } from '../domain/pipeline-definition';

export const PIPELINE_DEFINITIONS = 'pipeline_definitions';
export const PIPELINE_DEFINITIONS_PROJECTION = 'pipeline-definitions';

/** A definition and the instant it came into force (it stays in force until the next one's). */
export type DefinitionVersion = {
  version: number;
  name: string;
  stages: readonly Stage[];
  from: string;
};

/** One document per pipeline: the definition in force now and every one before it, oldest first. */
export type PipelineDefinitionDocument = {
  _id: string;
  pipelineId: string;
  name: string;
  version: number;
  stages: readonly Stage[];
  definedAt: string;
  changedAt: string;
  versions: DefinitionVersion[];
  _position?: number;
};

export const evolvePipelineDefinition = (
  document: PipelineDefinitionDocument | null,
  recorded: RecordedEvent,
): PipelineDefinitionDocument => {
  const { pipelineId, version, name, stages, at } = (recorded as unknown as PipelineEvent).data;
  const versions = (document?.versions ?? []).filter((v) => v.version !== version);
  return {
    _id: pipelineId,
    pipelineId,
    name,
    version,
    stages,
    definedAt: document?.definedAt ?? at,
    changedAt: at,
    versions: [...versions, { version, name, stages, from: at }],
  };
};

/** The definition in force at an instant (ISO); null before the pipeline was defined. */
export const definitionAt = (
  document: PipelineDefinitionDocument,
  at: string,
): PipelineDefinition | null => {
  let found: DefinitionVersion | null = null;
  for (const v of document.versions) if (Date.parse(v.from) <= Date.parse(at)) found = v;
  return found && { pipelineId: document.pipelineId, ...found };
};

const PIPELINE_EVENT_TYPES: readonly PipelineEvent['type'][] = [
  'PipelineDefined',
  'PipelineChanged',
];

export const pipelineDefinitionsProjection = documentProjection<PipelineDefinitionDocument>({
  name: PIPELINE_DEFINITIONS_PROJECTION,
  collection: { name: PIPELINE_DEFINITIONS },
  handles: PIPELINE_EVENT_TYPES,
  documentId: (event) => (typeof event.data.pipelineId === 'string' ? event.data.pipelineId : null),
  evolve: evolvePipelineDefinition,
});
