import { CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { v4 as uuidv4 } from 'uuid';
import { CommandRunner, deriveAggregateId } from '@crm/eventsourcing';
import type { CommandContext } from '@crm/eventsourcing';
import type { CommandResponse } from '@crm/platform';
import { DocumentIdempotencyRecords, toCommandResponse } from '@crm/platform';
import { DataKeyStore, PiiHasher } from '@crm/security/pii';
import { DomainErrorException, domainError } from '@crm/eventsourcing';
import { CustomerDirectory } from './customer-directory';
import { customerStreamId } from '../domain/customer';
import type { Address } from '../domain/address';
import { CUSTOMER_SCHEMA_VERSIONS } from '../domain/customer.upcasters';
import type { AddressDto, CreateCustomerDto } from '../http/customer.dto';
import type { ContactLookup } from '../domain/customer';
import type { CreateCustomer, CustomerCommand } from '../domain/customer.decider';
import { customerDecider } from '../domain/customer.decider';
import {
  AddCustomerNoteCommand,
  ChangeCustomerTagsCommand,
  CreateCustomerCommand,
  ForgetCustomerCommand,
  UpdateCustomerContactCommand,
} from './customer.commands';
import { EmailUniqueness } from './email-uniqueness';
import { ForgetTraces } from './forget-traces';

/** Blind indexes of an email and the words of a name. */
export const contactLookup = (
  hasher: PiiHasher,
  contact: { email?: string; name?: string; phone?: string | null },
): Partial<ContactLookup> => ({
  ...(contact.email !== undefined ? { emailHash: hasher.hash('email', contact.email) } : {}),
  ...(contact.name !== undefined
    ? {
        nameHashes: [...new Set(contact.name.toLowerCase().split(/\s+/).filter(Boolean))].map((w) =>
          hasher.hash('name', w),
        ),
      }
    : {}),
  ...(contact.phone !== undefined
    ? { phoneHash: contact.phone === null ? null : hasher.hash('phone', contact.phone) }
    : {}),
});

const toAddress = (dto: AddressDto | null | undefined): Address | null =>
  dto
    ? {
        street: dto.street,
        city: dto.city,
        postalCode: dto.postalCode ?? null,
        country: dto.country,
      }
    : null;

/** The CreateCustomer command for a validated request, with its blind indexes. */
export const createCustomerCommand = (
  body: CreateCustomerDto,
  customerId: string,
  hasher: PiiHasher,
): CreateCustomer => ({
  type: 'CreateCustomer',
  customerId,
  contact: {
    name: body.name,
    email: body.email,
    phone: body.phone ?? null,
    address: toAddress(body.address),
  },
  lookup: contactLookup(hasher, body) as ContactLookup,
  tags: body.tags ?? [],
});

export const runCustomerCommand = async (
  runner: CommandRunner,
  command: CustomerCommand,
  context: CommandContext,
): Promise<CommandResponse> => {
  const result = await runner.run(customerDecider, command, {
    streamId: customerStreamId(command.customerId),
    context,
    commandType: command.type,
    customerId: command.customerId,
    schemaVersions: CUSTOMER_SCHEMA_VERSIONS,
  });
  return toCommandResponse(command.customerId, result);
};

@CommandHandler(CreateCustomerCommand)
export class CreateCustomerHandler implements ICommandHandler<CreateCustomerCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly emails: EmailUniqueness,
    private readonly hasher: PiiHasher,
  ) {}

  async execute({ body, context }: CreateCustomerCommand): Promise<CommandResponse> {
    const command = createCustomerCommand(
      body,
      deriveAggregateId(context, 'customer'),
      this.hasher,
    );
    await this.emails.assertFree(command.lookup.emailHash, command.customerId);
    return runCustomerCommand(this.runner, command, context);
  }
}

@CommandHandler(UpdateCustomerContactCommand)
export class UpdateCustomerContactHandler implements ICommandHandler<UpdateCustomerContactCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly emails: EmailUniqueness,
    private readonly hasher: PiiHasher,
  ) {}

  async execute({
    customerId,
    body,
    context,
  }: UpdateCustomerContactCommand): Promise<CommandResponse> {
    const lookup = contactLookup(this.hasher, {
      email: body.email,
      name: body.name,
      phone: body.phone,
    });
    if (lookup.emailHash) await this.emails.assertFree(lookup.emailHash, customerId);
    const { name, email, phone } = body;
    const changes = Object.fromEntries(
      Object.entries({
        name,
        email,
        phone,
        address: body.address === undefined ? undefined : toAddress(body.address),
      }).filter(([, value]) => value !== undefined),
    );
    return runCustomerCommand(
      this.runner,
      { type: 'UpdateCustomerContact', customerId, changes, lookup },
      context,
    );
  }
}

@CommandHandler(AddCustomerNoteCommand)
export class AddCustomerNoteHandler implements ICommandHandler<AddCustomerNoteCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ customerId, body, context }: AddCustomerNoteCommand): Promise<CommandResponse> {
    const noteId = context.idempotencyKey
      ? deriveAggregateId(context, `note:${customerId}`)
      : uuidv4();
    return runCustomerCommand(
      this.runner,
      { type: 'AddCustomerNote', customerId, noteId, text: body.text },
      context,
    );
  }
}

@CommandHandler(ChangeCustomerTagsCommand)
export class ChangeCustomerTagsHandler implements ICommandHandler<ChangeCustomerTagsCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({
    customerId,
    change,
    body,
    context,
  }: ChangeCustomerTagsCommand): Promise<CommandResponse> {
    const type = change === 'add' ? 'TagCustomer' : 'UntagCustomer';
    return runCustomerCommand(this.runner, { type, customerId, tags: body.tags }, context);
  }
}

/**
 * Forgetting destroys the customer's data key first (crypto-shredding: the personal data in the
 * log, the read models and every backup becomes unreadable) and drops the idempotency records
 * of their requests, then records CustomerForgotten.
 * A crash between the two leaves the data erased and the command safe to repeat.
 */
@CommandHandler(ForgetCustomerCommand)
export class ForgetCustomerHandler implements ICommandHandler<ForgetCustomerCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly directory: CustomerDirectory,
    private readonly keys: DataKeyStore,
    private readonly idempotency: DocumentIdempotencyRecords,
    private readonly traces: ForgetTraces,
  ) {}

  async execute({ customerId, context }: ForgetCustomerCommand): Promise<CommandResponse> {
    const state = await this.directory.stateOf(customerId);
    if (state.status === 'none') {
      throw new DomainErrorException(
        domainError('not_found', 'CUSTOMER_NOT_FOUND', `customer ${customerId} does not exist`),
      );
    }
    await this.keys.destroy(customerId);
    // Their requests' fingerprints are digests of their data, confirmable by a guess.
    await this.idempotency.forgetCustomer(customerId);
    const result = await runCustomerCommand(
      this.runner,
      { type: 'ForgetCustomer', customerId },
      context,
    );
    await this.traces.erase(result.position);
    return result;
  }
}

export const customerCommandHandlers = [
  ForgetCustomerHandler,
  CreateCustomerHandler,
  UpdateCustomerContactHandler,
  AddCustomerNoteHandler,
  ChangeCustomerTagsHandler,
];
