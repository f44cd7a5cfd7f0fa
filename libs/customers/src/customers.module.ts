import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CustomerDirectory } from './application/customer-directory';
import { customerCommandHandlers } from './application/customer-command.handlers';
import { CustomerProfileViews } from './application/customer-profile-views';
import { customerQueryHandlers } from './application/customer-query.handlers';
import { EmailUniqueness } from './application/email-uniqueness';
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
    ...customerCommandHandlers,
    MergeCustomerHandler,
    UnmergeCustomerHandler,
    ...customerQueryHandlers,
  ],
  exports: [CustomerDirectory],
})
export class CustomersModule {}
