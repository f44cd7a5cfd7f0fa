import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@crm/eventsourcing';
import type { CommandResponse } from '@crm/platform';
import type {
  AddReplyDto,
  AssignTicketDto,
  ClassifyTicketDto,
  OpenTicketDto,
  RateSatisfactionDto,
  ReopenTicketDto,
  ResolveTicketDto,
} from '../http/ticket.dto';

export class OpenTicketCommand extends Command<CommandResponse> {
  constructor(
    readonly body: OpenTicketDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A command on an existing ticket: which one, what was sent, who sent it. */
abstract class TicketCommand<Body> extends Command<CommandResponse> {
  constructor(
    readonly ticketId: string,
    readonly body: Body,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class ClassifyTicketCommand extends TicketCommand<ClassifyTicketDto> {}
export class AssignTicketCommand extends TicketCommand<AssignTicketDto> {}
export class AddReplyCommand extends TicketCommand<AddReplyDto> {}
export class ResolveTicketCommand extends TicketCommand<ResolveTicketDto> {}
export class ReopenTicketCommand extends TicketCommand<ReopenTicketDto> {}
export class CloseTicketCommand extends TicketCommand<Record<string, never>> {}
export class RateSatisfactionCommand extends TicketCommand<RateSatisfactionDto> {}
