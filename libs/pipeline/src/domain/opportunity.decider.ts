import type { Decider, DomainError } from '@crm/eventsourcing';
import type { Money } from './money';
import { isCalendarDate, isCurrencyCodeShape, isValidAmount } from './money';
import type {
  ExistingOpportunity,
  LossReason,
  OpenOpportunityState,
  OpportunityEvent,
  OpportunityState,
} from './opportunity';
import {
  evolveOpportunity,
  initialOpportunityState,
  LOSS_REASONS,
  REOPEN_WINDOW_DAYS,
} from './opportunity';
import { opportunityErrors as errors } from './opportunity.errors';
import type { PipelineDefinition, Stage } from './pipeline-definition';
import { findStage, firstOpenStage, terminalStage } from './pipeline-definition';

/**
 * `at` is when the command happened (ISO, UTC). Commands that place the deal in a stage carry
 * the pipeline definition in force (the handler reads it), because a decider does no IO.
 */
export type OpenOpportunity = {
  type: 'OpenOpportunity';
  opportunityId: string;
  customerId: string;
  title: string;
  amount: Money;
  expectedCloseDate: string;
  ownerId: string;
  source: string;
  campaignId: string | null;
  pipeline: PipelineDefinition;
  at: string;
};
export type MoveOpportunityStage = {
  type: 'MoveOpportunityStage';
  opportunityId: string;
  stageId: string;
  pipeline: PipelineDefinition;
  at: string;
};
export type ChangeOpportunityAmount = {
  type: 'ChangeOpportunityAmount';
  opportunityId: string;
  amount: Money;
  at: string;
};
export type ChangeOpportunityCloseDate = {
  type: 'ChangeOpportunityCloseDate';
  opportunityId: string;
  expectedCloseDate: string;
  at: string;
};
export type ChangeOpportunityOwner = {
  type: 'ChangeOpportunityOwner';
  opportunityId: string;
  ownerId: string;
  at: string;
};
/** `orderId`: the order placed with the win (the sales context places it), or null. */
export type WinOpportunity = {
  type: 'WinOpportunity';
  opportunityId: string;
  orderId: string | null;
  pipeline: PipelineDefinition;
  at: string;
};
export type LoseOpportunity = {
  type: 'LoseOpportunity';
  opportunityId: string;
  reason: LossReason;
  pipeline: PipelineDefinition;
  at: string;
};
export type ReopenOpportunity = {
  type: 'ReopenOpportunity';
  opportunityId: string;
  pipeline: PipelineDefinition;
  at: string;
};

export type OpportunityCommand =
  | OpenOpportunity
  | MoveOpportunityStage
  | ChangeOpportunityAmount
  | ChangeOpportunityCloseDate
  | ChangeOpportunityOwner
  | WinOpportunity
  | LoseOpportunity
  | ReopenOpportunity;

type Decision = readonly OpportunityEvent[] | DomainError;

const DAY_MS = 24 * 60 * 60 * 1000;

const invalidMoney = (amount: Money): DomainError | null => {
  if (!isValidAmount(amount.amount)) return errors.invalidAmount(amount.amount);
  if (!isCurrencyCodeShape(amount.currency)) return errors.invalidCurrency(amount.currency);
  return null;
};

const base = (state: ExistingOpportunity, at: string) => ({
  opportunityId: state.opportunityId,
  customerId: state.customerId,
  at,
});

const inStage = (pipeline: PipelineDefinition, stage: Stage) => ({
  pipelineId: pipeline.pipelineId,
  pipelineVersion: pipeline.version,
  stageId: stage.stageId,
  probability: stage.probability,
});

/** The definition given must be the opportunity's own pipeline. */
const samePipeline = (state: ExistingOpportunity, pipeline: PipelineDefinition) =>
  state.pipelineId === pipeline.pipelineId
    ? null
    : errors.wrongPipeline(state.opportunityId, state.pipelineId, pipeline.pipelineId);

const open = (command: OpenOpportunity, state: OpportunityState): Decision => {
  if (state.status !== 'none') return errors.alreadyExists(state);
  if (command.title.trim() === '') return errors.emptyTitle(command.opportunityId);
  const invalid = invalidMoney(command.amount);
  if (invalid) return invalid;
  if (!isCalendarDate(command.expectedCloseDate)) {
    return errors.invalidCloseDate(command.expectedCloseDate);
  }
  const stage = firstOpenStage(command.pipeline);
  if (!stage) return errors.pipelineIncomplete(command.pipeline.pipelineId, 'open');
  const { type: _type, pipeline, ...data } = command;
  return [{ type: 'OpportunityOpened', data: { ...data, ...inStage(pipeline, stage) } }];
};

const move = (command: MoveOpportunityStage, state: OpenOpportunityState): Decision => {
  const wrong = samePipeline(state, command.pipeline);
  if (wrong) return wrong;
  const stage = findStage(command.pipeline, command.stageId);
  if (!stage) return errors.unknownStage(command.pipeline.pipelineId, command.stageId);
  if (stage.kind !== 'open') return errors.terminalStage(stage.stageId, stage.kind);
  if (stage.stageId === state.stageId) return [];
  const data = {
    ...base(state, command.at),
    ...inStage(command.pipeline, stage),
    fromStageId: state.stageId,
  };
  return [{ type: 'OpportunityStageMoved', data }];
};

const changeAmount = (command: ChangeOpportunityAmount, state: OpenOpportunityState): Decision => {
  const invalid = invalidMoney(command.amount);
  if (invalid) return invalid;
  const { amount } = command;
  if (amount.amount === state.amount.amount && amount.currency === state.amount.currency) {
    return [];
  }
  return [{ type: 'OpportunityAmountChanged', data: { ...base(state, command.at), amount } }];
};

const changeCloseDate = (
  command: ChangeOpportunityCloseDate,
  state: OpenOpportunityState,
): Decision => {
  const { expectedCloseDate } = command;
  if (!isCalendarDate(expectedCloseDate)) return errors.invalidCloseDate(expectedCloseDate);
  if (expectedCloseDate === state.expectedCloseDate) return [];
  const data = { ...base(state, command.at), expectedCloseDate };
  return [{ type: 'OpportunityCloseDateChanged', data }];
};

const changeOwner = (command: ChangeOpportunityOwner, state: OpenOpportunityState): Decision => {
  if (command.ownerId === state.ownerId) return [];
  const data = { ...base(state, command.at), ownerId: command.ownerId };
  return [{ type: 'OpportunityOwnerChanged', data }];
};

const win = (command: WinOpportunity, state: OpenOpportunityState): Decision => {
  const wrong = samePipeline(state, command.pipeline);
  if (wrong) return wrong;
  const stage = terminalStage(command.pipeline, 'won');
  if (!stage) return errors.pipelineIncomplete(command.pipeline.pipelineId, 'won');
  const data = {
    ...base(state, command.at),
    ...inStage(command.pipeline, stage),
    amount: state.amount,
    orderId: command.orderId,
  };
  return [{ type: 'OpportunityWon', data }];
};

const lose = (command: LoseOpportunity, state: OpenOpportunityState): Decision => {
  if (!(LOSS_REASONS as readonly string[]).includes(command.reason)) {
    return errors.invalidLossReason(command.reason);
  }
  const wrong = samePipeline(state, command.pipeline);
  if (wrong) return wrong;
  const stage = terminalStage(command.pipeline, 'lost');
  if (!stage) return errors.pipelineIncomplete(command.pipeline.pipelineId, 'lost');
  const data = {
    ...base(state, command.at),
    ...inStage(command.pipeline, stage),
    reason: command.reason,
    fromStageId: state.stageId,
  };
  return [{ type: 'OpportunityLost', data }];
};

/**
 * Back to the stage it was lost from if the definition in force still has it as an open stage,
 * else to the first open stage.
 */
const reopen = (command: ReopenOpportunity, state: ExistingOpportunity): Decision => {
  if (state.status !== 'lost') return errors.notLost(state);
  const deadline = new Date(Date.parse(state.lostAt) + REOPEN_WINDOW_DAYS * DAY_MS).toISOString();
  if (Date.parse(command.at) > Date.parse(deadline)) {
    return errors.reopenWindowExpired(state, deadline);
  }
  const wrong = samePipeline(state, command.pipeline);
  if (wrong) return wrong;
  const previous = findStage(command.pipeline, state.lostFromStageId);
  const stage = previous?.kind === 'open' ? previous : firstOpenStage(command.pipeline);
  if (!stage) return errors.pipelineIncomplete(command.pipeline.pipelineId, 'open');
  const data = { ...base(state, command.at), ...inStage(command.pipeline, stage) };
  return [{ type: 'OpportunityReopened', data }];
};

/** Everything but open and reopen acts on an open deal. */
const onOpen = (
  command: Exclude<OpportunityCommand, OpenOpportunity | ReopenOpportunity>,
  state: OpenOpportunityState,
): Decision => {
  switch (command.type) {
    case 'MoveOpportunityStage':
      return move(command, state);
    case 'ChangeOpportunityAmount':
      return changeAmount(command, state);
    case 'ChangeOpportunityCloseDate':
      return changeCloseDate(command, state);
    case 'ChangeOpportunityOwner':
      return changeOwner(command, state);
    case 'WinOpportunity':
      return win(command, state);
    case 'LoseOpportunity':
      return lose(command, state);
    default: {
      const unknownCommand: never = command;
      return unknownCommand;
    }
  }
};

const ACTIONS: Record<
  Exclude<OpportunityCommand, OpenOpportunity | ReopenOpportunity>['type'],
  string
> = {
  MoveOpportunityStage: 'move',
  ChangeOpportunityAmount: 'change the amount of',
  ChangeOpportunityCloseDate: 'change the close date of',
  ChangeOpportunityOwner: 'change the owner of',
  WinOpportunity: 'win',
  LoseOpportunity: 'lose',
};

export const decideOpportunity = (
  command: OpportunityCommand,
  state: OpportunityState,
): Decision => {
  switch (command.type) {
    case 'OpenOpportunity':
      return open(command, state);
    case 'ReopenOpportunity':
      return state.status === 'none'
        ? errors.notFound(command.opportunityId)
        : reopen(command, state);
    case 'MoveOpportunityStage':
    case 'ChangeOpportunityAmount':
    case 'ChangeOpportunityCloseDate':
    case 'ChangeOpportunityOwner':
    case 'WinOpportunity':
    case 'LoseOpportunity':
      if (state.status === 'none') return errors.notFound(command.opportunityId);
      if (state.status !== 'open') return errors.notOpen(state, ACTIONS[command.type]);
      return onOpen(command, state);
    default: {
      const unknownCommand: never = command;
      return unknownCommand;
    }
  }
};

export const opportunityDecider: Decider<OpportunityCommand, OpportunityEvent, OpportunityState> = {
  decide: decideOpportunity,
  evolve: evolveOpportunity,
  initialState: initialOpportunityState,
};
