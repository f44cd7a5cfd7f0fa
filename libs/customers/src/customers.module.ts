import { Module } from '@nestjs/common';
import type { DocumentStore } from '@crm/documents';
import { DOCUMENT_STORE } from '@crm/documents';
import { ReadModelFreshness } from '@crm/platform';
import { CqrsModule } from '@nestjs/cqrs';
import { CustomerDirectory } from './application/customer-directory';
import { customerCommandHandlers } from './application/customer-command.handlers';
import { CustomerProfileViews } from './application/customer-profile-views';
import { customerQueryHandlers } from './application/customer-query.handlers';
import { EmailUniqueness } from './application/email-uniqueness';
import { ForgetTraces } from './application/forget-traces';
import { MergeCustomerHandler, UnmergeCustomerHandler } from './application/merge-command.handlers';
import { CustomersController } from './http/customers.controller';
import { ImportsController } from './import/imports.controller';

@Module({
  imports: [CqrsModule],
  controllers: [CustomersController, ImportsController],
  providers: [
    CustomerDirectory,
    CustomerProfileViews,
    EmailUniqueness,
    {
      provide: ForgetTraces,
      useFactory: (documents: DocumentStore, freshness: ReadModelFreshness) =>
        new ForgetTraces(documents, freshness),
      inject: [DOCUMENT_STORE, ReadModelFreshness],
    },
    ...customerCommandHandlers,
    MergeCustomerHandler,
    UnmergeCustomerHandler,
    ...customerQueryHandlers,
  ],
  exports: [CustomerDirectory],
})
export class CustomersModule {}
