import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CustomerDirectory } from './application/customer-directory';
import { customerCommandHandlers } from './application/customer-command.handlers';
import { customerQueryHandlers } from './application/customer-query.handlers';
import { EmailUniqueness } from './application/email-uniqueness';
import { CustomersController } from './http/customers.controller';
import { ImportsController } from './import/imports.controller';

@Module({
  imports: [CqrsModule],
  controllers: [CustomersController, ImportsController],
  providers: [
    CustomerDirectory,
    EmailUniqueness,
    ...customerCommandHandlers,
    ...customerQueryHandlers,
  ],
  exports: [CustomerDirectory],
})
export class CustomersModule {}
