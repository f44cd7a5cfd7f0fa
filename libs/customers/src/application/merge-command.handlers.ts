import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import type { DocumentStore } from '@crm/documents';
import { DOCUMENT_STORE } from '@crm/documents';
import { CommandRunner, DomainErrorException, domainError } from '@crm/eventsourcing';
import type { CommandResponse } from '@crm/platform';
import { getCustomerProfile } from '../projections/customer-profile/customer-profile.queries';
import { requireActiveCustomer } from '../domain/customer.decider';
import { runCustomerCommand } from './customer-command.handlers';
import { CustomerDirectory } from './customer-directory';
import { CustomerProfileViews } from './customer-profile-views';
import type { MergePreview } from './customer.commands';
import { MergeCustomerCommand, UnmergeCustomerCommand } from './customer.commands';

/**
 * Merging records CustomerMerged on the merged customer's stream; read models keep every
 * figure under the customer it happened to and count a survivor's absorbed customers as its own
 * when they are read. Unmerging is the opposite event, so it restores every view exactly.
 * Merges do not chain: a customer that absorbed others is unmerged from them first.
 */
@CommandHandler(MergeCustomerCommand)
export class MergeCustomerHandler implements ICommandHandler<MergeCustomerCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly directory: CustomerDirectory,
    private readonly views: CustomerProfileViews,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
  ) {}

  async execute({
    customerId,
    survivorId,
    dryRun,
    context,
  }: MergeCustomerCommand): Promise<CommandResponse | MergePreview> {
    const survivor = requireActiveCustomer(await this.directory.stateOf(survivorId), survivorId);
    if ('kind' in survivor) throw new DomainErrorException(survivor);
    const merged = requireActiveCustomer(await this.directory.stateOf(customerId), customerId);
    if ('kind' in merged) throw new DomainErrorException(merged);
    if (customerId === survivorId) {
      throw new DomainErrorException(
        domainError('invalid', 'MERGE_INTO_SELF', 'a customer cannot be merged into itself'),
      );
    }
    const absorbed = (await getCustomerProfile(this.documents, customerId))?.mergedFrom ?? [];
    if (absorbed.length > 0) {
      throw new DomainErrorException(
        domainError(
          'conflict',
          'MERGE_CHAIN',
          `customer ${customerId} has absorbed ${absorbed.join(', ')}; unmerge them first`,
        ),
      );
    }
    if (dryRun) return { dryRun: true, survivor: await this.views.preview(survivorId, customerId) };
    return runCustomerCommand(
      this.runner,
      { type: 'MergeCustomer', customerId, survivorId },
      context,
    );
  }
}

@CommandHandler(UnmergeCustomerCommand)
export class UnmergeCustomerHandler implements ICommandHandler<UnmergeCustomerCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ customerId, context }: UnmergeCustomerCommand): Promise<CommandResponse> {
    return runCustomerCommand(this.runner, { type: 'UnmergeCustomer', customerId }, context);
  }
}
