import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@crm/eventsourcing';
import type { CommandResponse } from '@crm/platform';
import type {
  AddNoteDto,
  CreateCustomerDto,
  TagsDto,
  UpdateCustomerContactDto,
} from '../http/customer.dto';

export class CreateCustomerCommand extends Command<CommandResponse> {
  constructor(
    readonly body: CreateCustomerDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class UpdateCustomerContactCommand extends Command<CommandResponse> {
  constructor(
    readonly customerId: string,
    readonly body: UpdateCustomerContactDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class AddCustomerNoteCommand extends Command<CommandResponse> {
  constructor(
    readonly customerId: string,
    readonly body: AddNoteDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class ChangeCustomerTagsCommand extends Command<CommandResponse> {
  constructor(
    readonly customerId: string,
    readonly change: 'add' | 'remove',
    readonly body: TagsDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class ForgetCustomerCommand extends Command<CommandResponse> {
  constructor(
    readonly customerId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class MergeCustomerCommand extends Command<CommandResponse | MergePreview> {
  constructor(
    readonly customerId: string,
    readonly survivorId: string,
    readonly dryRun: boolean,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class UnmergeCustomerCommand extends Command<CommandResponse> {
  constructor(
    readonly customerId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** What a dry-run merge answers: the survivor's profile as it would be, nothing written. */
export type MergePreview = { dryRun: true; survivor: Record<string, unknown> };
