import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, deriveAggregateId } from '@crm/eventsourcing';
import type { CommandContext, CommandResult, Decider, DomainEvent } from '@crm/eventsourcing';
import type { CommandResponse } from '@crm/platform';
import { RequestValidationError, toCommandResponse } from '@crm/platform';
import { CustomerDirectory } from '@crm/customers';
import type { ActivityCommand } from '../domain/activity.decider';
import { activityDecider } from '../domain/activity.decider';
import { activityStreamId } from '../domain/activity';
import type { OpportunityCommand } from '../domain/opportunity.decider';
import { opportunityDecider } from '../domain/opportunity.decider';
import { opportunityStreamId } from '../domain/opportunity';
import type { PipelineCommand } from '../domain/pipeline.decider';
import { pipelineDecider } from '../domain/pipeline.decider';
import { pipelineStreamId } from '../domain/pipeline';
import type { PipelineClock } from './pipeline.config';
import { PIPELINE_CLOCK } from './pipeline.config';
import type { PipelineRequest, PipelineRequestType } from './pipeline.requests';
import { PipelineRequestCommand } from './pipeline.requests';
import { PipelineStreams } from './pipeline-streams';
import { OpportunityOrders } from './opportunity-orders';

/** A decider command, on the aggregate it goes to. */
type Target =
  | { on: 'pipeline'; command: PipelineCommand }
  | { on: 'opportunity'; command: OpportunityCommand }
  | { on: 'activity'; command: ActivityCommand };

/** A prepared command, and what to do once it is appended (a win's order). */
type Prepared = Target & { afterwards?: (won: CommandResponse) => Promise<CommandResponse> };

/** What preparing a request may use: the time, new ids, the log, the customers, the orders. */
type Preparing = {
  at: string;
  newId: (kind: string) => string;
  streams: PipelineStreams;
  customers: CustomerDirectory;
  orders: OpportunityOrders;
  context: CommandContext;
};

type Prepare<T extends PipelineRequestType> = (
  request: Extract<PipelineRequest, { type: T }>,
  with_: Preparing,
) => Promise<Prepared>;

const pipeline = (command: PipelineCommand): Prepared => ({ on: 'pipeline', command });
const opportunity = (command: OpportunityCommand): Prepared => ({ on: 'opportunity', command });
const activity = (command: ActivityCommand): Prepared => ({ on: 'activity', command });

/**
 * The customer an activity is about: the one named, else its opportunity's. Named both, they
 * must agree; named neither, there is nothing to log it against.
 */
const subjectOf = async (
  { customerId, opportunityId }: { customerId: string | null; opportunityId: string | null },
  { streams, customers }: Preparing,
): Promise<{ customerId: string; opportunityId: string | null }> => {
  const ofOpportunity = opportunityId
    ? (await streams.opportunity(opportunityId)).customerId
    : null;
  if (customerId && ofOpportunity && customerId !== ofOpportunity) {
    throw new RequestValidationError([
      {
        field: 'opportunityId',
        rule: 'isOpportunityOfCustomer',
        message: `opportunity ${opportunityId} is not one of customer ${customerId}'s`,
      },
    ]);
  }
  const subject = customerId ?? ofOpportunity;
  if (!subject) {
    throw new RequestValidationError([
      {
        field: 'customerId',
        rule: 'customerIdOrOpportunityId',
        message: 'customerId or opportunityId (or both) must be given',
      },
    ]);
  }
  await customers.requireActive(subject);
  return { customerId: subject, opportunityId };
};

/**
 * Each command of the context is one row: how its request becomes the decider command (what
 * the handler supplies: time, ids, the pipeline definition in force, the customer's check).
 * Running it is the same for all: see PipelineCommandHandler.
 */
const PREPARE: { [T in PipelineRequestType]: Prepare<T> } = {
  DefinePipeline: async (r, w) => pipeline({ ...r, pipelineId: w.newId('pipeline'), at: w.at }),
  ChangePipeline: async (r, w) => pipeline({ ...r, at: w.at }),
  OpenOpportunity: async ({ pipelineId, ...r }, w) => {
    await w.customers.requireActive(r.customerId);
    const definition = await w.streams.definitionInForce(pipelineId);
    const opportunityId = w.newId('opportunity');
    return opportunity({ ...r, opportunityId, pipeline: definition, at: w.at });
  },
  MoveOpportunityStage: async (r, w) =>
    opportunity({ ...r, pipeline: await w.streams.pipelineOf(r.opportunityId), at: w.at }),
  ChangeOpportunityAmount: async (r, w) => opportunity({ ...r, at: w.at }),
  ChangeOpportunityCloseDate: async (r, w) => opportunity({ ...r, at: w.at }),
  ChangeOpportunityOwner: async (r, w) => opportunity({ ...r, at: w.at }),
  WinOpportunity: async ({ order, ...r }, w) => {
    const won = await w.streams.opportunity(r.opportunityId);
    const definition = await w.streams.definitionInForce(won.pipelineId);
    const placing = order ? await w.orders.prepare(won, order, w.context) : null;
    return {
      ...opportunity({ ...r, orderId: placing?.orderId ?? null, pipeline: definition, at: w.at }),
      // A win always names its order (null: none), so clients read one shape.
      afterwards: placing?.place ?? (async (won) => ({ ...won, orderId: null })),
    };
  },
  LoseOpportunity: async (r, w) =>
    opportunity({ ...r, pipeline: await w.streams.pipelineOf(r.opportunityId), at: w.at }),
  ReopenOpportunity: async (r, w) =>
    opportunity({ ...r, pipeline: await w.streams.pipelineOf(r.opportunityId), at: w.at }),
  LogActivity: async (r, w) =>
    activity({ ...r, ...(await subjectOf(r, w)), activityId: w.newId('activity'), at: w.at }),
  ScheduleTask: async (r, w) =>
    activity({ ...r, ...(await subjectOf(r, w)), activityId: w.newId('activity'), at: w.at }),
  RescheduleTask: async (r, w) => activity({ ...r, at: w.at }),
  ReassignTask: async (r, w) => activity({ ...r, at: w.at }),
  CompleteTask: async (r, w) => activity({ ...r, at: w.at }),
};

type Aggregate<Command, Event extends DomainEvent> = {
  decider: Decider<Command, Event, unknown>;
  id: (command: Command) => string;
  stream: (id: string) => string;
  /** Pipelines concern no customer (null); opportunities and activities concern theirs. */
  customerId: (event: Event) => string | null;
};

const aggregate = <Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  rest: Omit<Aggregate<Command, Event>, 'decider'>,
): Aggregate<Command, Event> => ({
  ...rest,
  decider: decider as unknown as Decider<Command, Event, unknown>,
});

const AGGREGATES = {
  pipeline: aggregate(pipelineDecider, {
    id: (c) => c.pipelineId,
    stream: pipelineStreamId,
    customerId: () => null,
  }),
  opportunity: aggregate(opportunityDecider, {
    id: (c) => c.opportunityId,
    stream: opportunityStreamId,
    customerId: (e) => e.data.customerId,
  }),
  activity: aggregate(activityDecider, {
    id: (c) => c.activityId,
    stream: activityStreamId,
    customerId: (e) => e.data.customerId,
  }),
};

const runOn = <Command extends { type: string }, Event extends DomainEvent>(
  runner: CommandRunner,
  { decider, id, stream, customerId }: Aggregate<Command, Event>,
  command: Command,
  context: CommandContext,
): Promise<[string, CommandResult]> =>
  runner
    .run(decider, command, {
      streamId: stream(id(command)),
      context,
      commandType: command.type,
      customerId,
    })
    .then((result) => [id(command), result]);

const run = (runner: CommandRunner, target: Target, context: CommandContext) => {
  switch (target.on) {
    case 'pipeline':
      return runOn(runner, AGGREGATES.pipeline, target.command, context);
    case 'opportunity':
      return runOn(runner, AGGREGATES.opportunity, target.command, context);
    case 'activity':
      return runOn(runner, AGGREGATES.activity, target.command, context);
    default: {
      const unknownTarget: never = target;
      return unknownTarget;
    }
  }
};

/** The context's one command handler: prepare the request by its row, run it, answer. */
@CommandHandler(PipelineRequestCommand)
export class PipelineCommandHandler implements ICommandHandler<PipelineRequestCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly streams: PipelineStreams,
    private readonly customers: CustomerDirectory,
    private readonly orders: OpportunityOrders,
    @Inject(PIPELINE_CLOCK) private readonly clock: PipelineClock,
  ) {}

  async execute({ request, context }: PipelineRequestCommand): Promise<CommandResponse> {
    const prepare = PREPARE[request.type] as Prepare<PipelineRequestType>;
    const prepared = await prepare(request, {
      at: this.clock().toISOString(),
      newId: (kind) => deriveAggregateId(context, kind),
      streams: this.streams,
      customers: this.customers,
      orders: this.orders,
      context,
    });
    const [id, result] = await run(this.runner, prepared, context);
    const response = toCommandResponse(id, result);
    return prepared.afterwards ? prepared.afterwards(response) : response;
  }
}

export const pipelineCommandProviders = [
  PipelineCommandHandler,
  PipelineStreams,
  OpportunityOrders,
];
