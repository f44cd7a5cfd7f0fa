import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { v4 as uuidv4 } from 'uuid';
import { CustomerDirectory } from '@crm/customers';
import { CommandRunner, deriveAggregateId } from '@crm/eventsourcing';
import type { CommandContext } from '@crm/eventsourcing';
import type { CommandResponse } from '@crm/platform';
import { toCommandResponse } from '@crm/platform';
import type { ServiceDeskPolicy } from '../domain/sla-policy';
import { ticketStreamId } from '../domain/ticket';
import type { TicketCommand } from '../domain/ticket.decider';
import { ticketDecider } from '../domain/ticket.decider';
import type { ServiceDeskClock } from './service-desk.config';
import { SERVICE_DESK_CLOCK, SERVICE_DESK_POLICY } from './service-desk.config';
import {
  AddReplyCommand,
  AssignTicketCommand,
  ClassifyTicketCommand,
  CloseTicketCommand,
  OpenTicketCommand,
  RateSatisfactionCommand,
  ReopenTicketCommand,
  ResolveTicketCommand,
} from './ticket.commands';

const runTicketCommand = async (
  runner: CommandRunner,
  command: TicketCommand,
  context: CommandContext,
): Promise<CommandResponse> => {
  const result = await runner.run(ticketDecider, command, {
    streamId: ticketStreamId(command.ticketId),
    context,
    commandType: command.type,
    customerId: (event) => event.data.customerId,
  });
  return toCommandResponse(command.ticketId, result);
};

/** What every ticket handler needs: the runner, the policy and the time. */
abstract class TicketHandler {
  constructor(
    protected readonly runner: CommandRunner,
    @Inject(SERVICE_DESK_POLICY) protected readonly policy: ServiceDeskPolicy,
    @Inject(SERVICE_DESK_CLOCK) private readonly clock: ServiceDeskClock,
  ) {}

  protected now(): string {
    return this.clock.now().toISOString();
  }

  protected run(command: TicketCommand, context: CommandContext): Promise<CommandResponse> {
    return runTicketCommand(this.runner, command, context);
  }
}

@CommandHandler(OpenTicketCommand)
export class OpenTicketHandler implements ICommandHandler<OpenTicketCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly customers: CustomerDirectory,
    @Inject(SERVICE_DESK_POLICY) private readonly policy: ServiceDeskPolicy,
    @Inject(SERVICE_DESK_CLOCK) private readonly clock: ServiceDeskClock,
  ) {}

  async execute({ body, context }: OpenTicketCommand): Promise<CommandResponse> {
    await this.customers.requireActive(body.customerId);
    const ticketId = deriveAggregateId(context, 'ticket');
    const command: TicketCommand = {
      type: 'OpenTicket',
      ticketId,
      customerId: body.customerId,
      subject: body.subject,
      description: body.description,
      category: body.category,
      channel: body.channel,
      priority: body.priority ?? 'normal',
      sla: this.policy.sla,
      at: this.clock.now().toISOString(),
    };
    return runTicketCommand(this.runner, command, context);
  }
}

@CommandHandler(ClassifyTicketCommand)
export class ClassifyTicketHandler
  extends TicketHandler
  implements ICommandHandler<ClassifyTicketCommand>
{
  execute({ ticketId, body, context }: ClassifyTicketCommand): Promise<CommandResponse> {
    const { category, priority } = body;
    return this.run(
      {
        type: 'ClassifyTicket',
        ticketId,
        category,
        priority,
        sla: this.policy.sla,
        at: this.now(),
      },
      context,
    );
  }
}

@CommandHandler(AssignTicketCommand)
export class AssignTicketHandler
  extends TicketHandler
  implements ICommandHandler<AssignTicketCommand>
{
  execute({ ticketId, body, context }: AssignTicketCommand): Promise<CommandResponse> {
    return this.run(
      { type: 'AssignTicket', ticketId, agentId: body.agentId, at: this.now() },
      context,
    );
  }
}

@CommandHandler(AddReplyCommand)
export class AddReplyHandler extends TicketHandler implements ICommandHandler<AddReplyCommand> {
  execute({ ticketId, body, context }: AddReplyCommand): Promise<CommandResponse> {
    const replyId = context.idempotencyKey
      ? deriveAggregateId(context, `reply:${ticketId}`)
      : uuidv4();
    const { author, text } = body;
    return this.run({ type: 'AddReply', ticketId, replyId, author, text, at: this.now() }, context);
  }
}

@CommandHandler(ResolveTicketCommand)
export class ResolveTicketHandler
  extends TicketHandler
  implements ICommandHandler<ResolveTicketCommand>
{
  execute({ ticketId, body, context }: ResolveTicketCommand): Promise<CommandResponse> {
    return this.run(
      { type: 'ResolveTicket', ticketId, resolution: body.resolution, at: this.now() },
      context,
    );
  }
}

@CommandHandler(ReopenTicketCommand)
export class ReopenTicketHandler
  extends TicketHandler
  implements ICommandHandler<ReopenTicketCommand>
{
  execute({ ticketId, body, context }: ReopenTicketCommand): Promise<CommandResponse> {
    const { reopenWindowDays } = this.policy;
    const reason = body.reason ?? null;
    return this.run(
      { type: 'ReopenTicket', ticketId, reason, reopenWindowDays, at: this.now() },
      context,
    );
  }
}

@CommandHandler(CloseTicketCommand)
export class CloseTicketHandler
  extends TicketHandler
  implements ICommandHandler<CloseTicketCommand>
{
  execute({ ticketId, context }: CloseTicketCommand): Promise<CommandResponse> {
    return this.run({ type: 'CloseTicket', ticketId, at: this.now() }, context);
  }
}

@CommandHandler(RateSatisfactionCommand)
export class RateSatisfactionHandler
  extends TicketHandler
  implements ICommandHandler<RateSatisfactionCommand>
{
  execute({ ticketId, body, context }: RateSatisfactionCommand): Promise<CommandResponse> {
    const { score } = body;
    const comment = body.comment ?? null;
    return this.run(
      { type: 'RateSatisfaction', ticketId, score, comment, at: this.now() },
      context,
    );
  }
}

export const ticketCommandHandlers = [
  OpenTicketHandler,
  ClassifyTicketHandler,
  AssignTicketHandler,
  AddReplyHandler,
  ResolveTicketHandler,
  ReopenTicketHandler,
  CloseTicketHandler,
  RateSatisfactionHandler,
];
