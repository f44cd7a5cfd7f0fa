import type { DomainError } from '@crm/eventsourcing';
import { domainError } from '@crm/eventsourcing';
import type { StagesProblem } from './pipeline-definition';

export const pipelineErrors = {
  notFound: (pipelineId: string): DomainError =>
    domainError('not_found', 'PIPELINE_NOT_FOUND', `pipeline ${pipelineId} does not exist`),
  alreadyExists: (pipelineId: string, version: number): DomainError =>
    domainError(
      'conflict',
      'PIPELINE_ALREADY_EXISTS',
      `pipeline ${pipelineId} already exists (version ${version}); change it instead`,
    ),
  emptyName: (pipelineId: string): DomainError =>
    domainError('invalid', 'PIPELINE_NAME_EMPTY', `pipeline ${pipelineId} needs a name`),
  invalidStages: (pipelineId: string, problem: StagesProblem): DomainError => {
    switch (problem.problem) {
      case 'duplicate-stage-id':
        return domainError(
          'invalid',
          'PIPELINE_STAGE_IDS_NOT_UNIQUE',
          `pipeline ${pipelineId} lists stage ${problem.stageId} more than once`,
        );
      case 'probability-out-of-range':
        return domainError(
          'invalid',
          'STAGE_PROBABILITY_OUT_OF_RANGE',
          `stage ${problem.stageId} has probability ${problem.probability}; it must be a whole number from 0 to 100`,
        );
      case 'terminal-stage-count':
        return domainError(
          'invalid',
          problem.kind === 'won' ? 'PIPELINE_NEEDS_ONE_WON_STAGE' : 'PIPELINE_NEEDS_ONE_LOST_STAGE',
          `pipeline ${pipelineId} has ${problem.count} ${problem.kind} stages; it needs exactly one`,
        );
      case 'no-open-stage':
        return domainError(
          'invalid',
          'PIPELINE_NEEDS_AN_OPEN_STAGE',
          `pipeline ${pipelineId} has no open stage for a deal to be in`,
        );
      default: {
        const unknownProblem: never = problem;
        return unknownProblem;
      }
    }
  },
};
