import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CustomersModule } from '@crm/customers';
import { orderCommandHandlers } from './application/order-command.handlers';
import { orderQueryHandlers } from './application/order-query.handlers';
import { SALES_CLOCK } from './application/sales.config';
import { OrdersController } from './http/orders.controller';

@Module({
  imports: [CqrsModule, CustomersModule],
  controllers: [OrdersController],
  providers: [
    { provide: SALES_CLOCK, useValue: () => new Date() },
    ...orderCommandHandlers,
    ...orderQueryHandlers,
  ],
})
export class SalesModule {}
