import type { Decider, DomainError } from '@crm/eventsourcing';
import type { PipelineEvent, PipelineState } from './pipeline';
import { evolvePipeline, initialPipelineState } from './pipeline';
import type { Stage } from './pipeline-definition';
import { stagesProblem } from './pipeline-definition';
import { pipelineErrors } from './pipeline.errors';

/** The stages in their order; `at` is when the admin made the change (ISO, UTC). */
export type DefinePipeline = {
  type: 'DefinePipeline';
  pipelineId: string;
  name: string;
  stages: readonly Stage[];
  at: string;
};
export type ChangePipeline = {
  type: 'ChangePipeline';
  pipelineId: string;
  name: string;
  stages: readonly Stage[];
  at: string;
};
export type PipelineCommand = DefinePipeline | ChangePipeline;

type Decision = readonly PipelineEvent[] | DomainError;

const invalidDefinition = (command: PipelineCommand): DomainError | null => {
  if (command.name.trim() === '') return pipelineErrors.emptyName(command.pipelineId);
  const problem = stagesProblem(command.stages);
  return problem ? pipelineErrors.invalidStages(command.pipelineId, problem) : null;
};

const define = (command: DefinePipeline, state: PipelineState): Decision => {
  if (state.status !== 'none') return pipelineErrors.alreadyExists(state.pipelineId, state.version);
  const invalid = invalidDefinition(command);
  if (invalid) return invalid;
  const { pipelineId, name, stages, at } = command;
  return [{ type: 'PipelineDefined', data: { pipelineId, version: 1, name, stages, at } }];
};

const sameStage = (a: Stage, b: Stage): boolean =>
  a.stageId === b.stageId &&
  a.name === b.name &&
  a.probability === b.probability &&
  a.kind === b.kind;

const sameStages = (a: readonly Stage[], b: readonly Stage[]): boolean =>
  a.length === b.length &&
  a.every((stage, index) => {
    const other = b[index];
    return other !== undefined && sameStage(stage, other);
  });

const change = (command: ChangePipeline, state: PipelineState): Decision => {
  if (state.status === 'none') return pipelineErrors.notFound(command.pipelineId);
  const invalid = invalidDefinition(command);
  if (invalid) return invalid;
  if (state.name === command.name && sameStages(state.stages, command.stages)) return [];
  const { pipelineId, name, stages, at } = command;
  const version = state.version + 1;
  return [{ type: 'PipelineChanged', data: { pipelineId, version, name, stages, at } }];
};

export const decidePipeline = (command: PipelineCommand, state: PipelineState): Decision => {
  switch (command.type) {
    case 'DefinePipeline':
      return define(command, state);
    case 'ChangePipeline':
      return change(command, state);
    default: {
      const unknownCommand: never = command;
      return unknownCommand;
    }
  }
};

export const pipelineDecider: Decider<PipelineCommand, PipelineEvent, PipelineState> = {
  decide: decidePipeline,
  evolve: evolvePipeline,
  initialState: initialPipelineState,
};
