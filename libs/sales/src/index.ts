export * from './domain/currencies';
export * from './domain/money';
export * from './domain/money-limits';
export * from './domain/money-sum';
export * from './domain/order';
export * from './domain/order-lines';
export * from './domain/order.decider';
export * from './projections/order-details/order-details.document';
export * from './projections/order-details/order-details.projection';
export * from './projections/order-details/order-details.queries';
export * from './http/is-currency-code.validator';
export * from './http/exact-money.response';
export * from './application/sales.config';
// The published command other contexts place orders with (the pipeline, on a won opportunity).
export { PlaceOrderCommand } from './application/order.commands';
export { OrderLineDto, PlaceOrderDto } from './http/order.dto';
export * from './import';
export * from './sales.module';

import type { Projection } from '@crm/eventsourcing';
import { orderDetailsProjection } from './projections/order-details/order-details.projection';

export const salesProjections: readonly Projection[] = [orderDetailsProjection];
