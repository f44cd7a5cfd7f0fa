import type { DomainEvent } from '@crm/eventsourcing';
import type { Stage } from './pipeline-definition';

export const pipelineStreamId = (pipelineId: string): string => `pipeline-${pipelineId}`;

/** Each event carries the whole definition it puts in force, so history can replay any moment. */
type DefinitionData = {
  pipelineId: string;
  version: number;
  name: string;
  stages: readonly Stage[];
  at: string;
};
export type PipelineDefined = DomainEvent<'PipelineDefined', DefinitionData>;
export type PipelineChanged = DomainEvent<'PipelineChanged', DefinitionData>;
export type PipelineEvent = PipelineDefined | PipelineChanged;

export type PipelineState =
  | { status: 'none' }
  | {
      status: 'defined';
      pipelineId: string;
      version: number;
      name: string;
      stages: readonly Stage[];
      definedAt: string;
    };
export type DefinedPipeline = Extract<PipelineState, { status: 'defined' }>;

export const initialPipelineState: PipelineState = { status: 'none' };

export const evolvePipeline = (_state: PipelineState, event: PipelineEvent): PipelineState => {
  const { pipelineId, version, name, stages, at } = event.data;
  return { status: 'defined', pipelineId, version, name, stages, definedAt: at };
};
