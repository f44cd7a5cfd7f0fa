import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@crm/eventsourcing';
import type { CommandResponse } from '@crm/platform';
import type {
  CompleteTask,
  LogActivity,
  ReassignTask,
  RescheduleTask,
  ScheduleTask,
} from '../domain/activity.decider';
import type {
  ChangeOpportunityAmount,
  ChangeOpportunityCloseDate,
  ChangeOpportunityOwner,
  LoseOpportunity,
  MoveOpportunityStage,
  OpenOpportunity,
  ReopenOpportunity,
  WinOpportunity,
} from '../domain/opportunity.decider';
import type { ChangePipeline, DefinePipeline } from '../domain/pipeline.decider';

/**
 * A decider command as the edge asks for it: without what the handler supplies. `at` comes
 * from the clock, `pipeline` (the definition in force) from the pipeline's stream, a new
 * aggregate's id from the Idempotency-Key, and an activity's customer from its opportunity
 * when only that is named.
 */
type Supplied = 'at' | 'pipeline';
type Asked<C, Also extends keyof C = never> = Omit<C, Supplied | Also>;

/** The order a win places through the sales context (the sales context validates it). */
export type OrderToPlace = {
  /** Defaults to the opportunity's currency. */
  currency?: string;
  lines: { sku: string; quantity: number; unitPrice: number }[];
  /** Defaults to the opportunity's campaign. */
  campaignId?: string;
};

/** Logged or scheduled against a customer, one of its opportunities, or both. */
type About = { customerId: string | null; opportunityId: string | null };

export type PipelineRequest =
  | Asked<DefinePipeline, 'pipelineId'>
  | Asked<ChangePipeline>
  | (Asked<OpenOpportunity, 'opportunityId'> & { pipelineId: string })
  | Asked<MoveOpportunityStage>
  | Asked<ChangeOpportunityAmount>
  | Asked<ChangeOpportunityCloseDate>
  | Asked<ChangeOpportunityOwner>
  | (Asked<WinOpportunity, 'orderId'> & { order: OrderToPlace | null })
  | Asked<LoseOpportunity>
  | Asked<ReopenOpportunity>
  | (Asked<LogActivity, 'activityId' | 'customerId' | 'opportunityId'> & About)
  | (Asked<ScheduleTask, 'activityId' | 'customerId' | 'opportunityId'> & About)
  | Asked<RescheduleTask>
  | Asked<ReassignTask>
  | Asked<CompleteTask>;

export type PipelineRequestType = PipelineRequest['type'];

/** Every command of the context goes through the bus as this one message. */
export class PipelineRequestCommand extends Command<CommandResponse> {
  constructor(
    readonly request: PipelineRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
