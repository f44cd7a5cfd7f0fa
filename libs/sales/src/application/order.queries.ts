import { Query } from '@nestjs/cqrs';
import type { SearchOrdersDto } from '../http/order.dto';
import type { OrderView } from './order.view';

export class GetOrderQuery extends Query<OrderView> {
  constructor(
    readonly orderId: string,
    readonly minPosition: number | undefined,
  ) {
    super();
  }
}

export class SearchOrdersQuery extends Query<{ items: OrderView[]; nextCursor: string | null }> {
  constructor(
    readonly search: SearchOrdersDto,
    readonly minPosition: number | undefined,
  ) {
    super();
  }
}
