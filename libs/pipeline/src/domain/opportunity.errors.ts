import type { DomainError } from '@crm/eventsourcing';
import { domainError } from '@crm/eventsourcing';
import type { ExistingOpportunity } from './opportunity';
import { LOSS_REASONS } from './opportunity';

export const opportunityErrors = {
  notFound: (opportunityId: string): DomainError =>
    domainError(
      'not_found',
      'OPPORTUNITY_NOT_FOUND',
      `opportunity ${opportunityId} does not exist`,
    ),
  alreadyExists: (state: ExistingOpportunity): DomainError =>
    domainError(
      'conflict',
      'OPPORTUNITY_ALREADY_EXISTS',
      `opportunity ${state.opportunityId} already exists (status ${state.status})`,
    ),
  notOpen: (state: ExistingOpportunity, action: string): DomainError =>
    state.status === 'won'
      ? domainError(
          'conflict',
          'OPPORTUNITY_ALREADY_WON',
          `cannot ${action} opportunity ${state.opportunityId}: it is won, which is final`,
        )
      : domainError(
          'conflict',
          'OPPORTUNITY_ALREADY_LOST',
          `cannot ${action} opportunity ${state.opportunityId}: it is lost; reopen it first`,
        ),
  notLost: (state: ExistingOpportunity): DomainError =>
    domainError(
      'conflict',
      'OPPORTUNITY_NOT_LOST',
      `cannot reopen opportunity ${state.opportunityId}: it is ${state.status}, only a lost one reopens`,
    ),
  reopenWindowExpired: (state: ExistingOpportunity, deadline: string): DomainError =>
    domainError(
      'conflict',
      'REOPEN_WINDOW_EXPIRED',
      `cannot reopen opportunity ${state.opportunityId}: its reopen window ended at ${deadline}`,
    ),
  wrongPipeline: (opportunityId: string, expected: string, given: string): DomainError =>
    domainError(
      'invalid',
      'WRONG_PIPELINE',
      `opportunity ${opportunityId} is in pipeline ${expected}, not ${given}`,
    ),
  unknownStage: (pipelineId: string, stageId: string): DomainError =>
    domainError('invalid', 'UNKNOWN_STAGE', `pipeline ${pipelineId} has no stage ${stageId}`),
  terminalStage: (stageId: string, kind: string): DomainError =>
    domainError(
      'invalid',
      'STAGE_IS_TERMINAL',
      `stage ${stageId} is the ${kind} stage; win or lose the opportunity instead of moving it there`,
    ),
  pipelineIncomplete: (pipelineId: string, missing: string): DomainError =>
    domainError(
      'invalid',
      'PIPELINE_DEFINITION_INCOMPLETE',
      `pipeline ${pipelineId} has no ${missing} stage`,
    ),
  invalidAmount: (amount: number): DomainError =>
    domainError(
      'invalid',
      'INVALID_AMOUNT',
      `amount ${amount} is not a whole number of minor units from 0 to 10^15`,
    ),
  invalidCurrency: (currency: string): DomainError =>
    domainError('invalid', 'INVALID_CURRENCY', `${currency} is not an ISO 4217 currency code`),
  invalidCloseDate: (date: string): DomainError =>
    domainError('invalid', 'INVALID_CLOSE_DATE', `${date} is not a calendar date (YYYY-MM-DD)`),
  emptyTitle: (opportunityId: string): DomainError =>
    domainError('invalid', 'OPPORTUNITY_TITLE_EMPTY', `opportunity ${opportunityId} needs a title`),
  invalidLossReason: (reason: string): DomainError =>
    domainError(
      'invalid',
      'INVALID_LOSS_REASON',
      `${reason} is not a loss reason; use one of ${LOSS_REASONS.join(', ')}`,
    ),
};
