import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CustomerValueController } from './customer-value.controller';
import { GetCustomerValueReportHandler } from './customer-value-query.handler';

@Module({
  imports: [CqrsModule],
  controllers: [CustomerValueController],
  providers: [GetCustomerValueReportHandler],
})
export class CustomerValueAnalyticsModule {}
