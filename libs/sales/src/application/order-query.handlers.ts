import { customerGroup } from '@crm/customers';
import { Inject, NotFoundException } from '@nestjs/common';
import { QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { DocumentStore } from '@crm/documents';
import { DOCUMENT_STORE } from '@crm/documents';
import { ReadModelFreshness } from '@crm/platform';
import { ORDER_DETAILS_PROJECTION } from '../projections/order-details/order-details.document';
import { getOrderDetails, searchOrders } from '../projections/order-details/order-details.queries';
import { GetOrderQuery, SearchOrdersQuery } from './order.queries';
import type { OrderView } from './order.view';
import { toOrderView } from './order.view';

@QueryHandler(GetOrderQuery)
export class GetOrderHandler implements IQueryHandler<GetOrderQuery> {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly freshness: ReadModelFreshness,
  ) {}

  async execute({ orderId, minPosition }: GetOrderQuery): Promise<OrderView> {
    await this.freshness.ensure([ORDER_DETAILS_PROJECTION], minPosition);
    const order = await getOrderDetails(this.documents, orderId);
    if (!order) throw new NotFoundException(`order ${orderId} does not exist`);
    return toOrderView(order);
  }
}

@QueryHandler(SearchOrdersQuery)
export class SearchOrdersHandler implements IQueryHandler<SearchOrdersQuery> {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly freshness: ReadModelFreshness,
  ) {}

  async execute({ search, minPosition }: SearchOrdersQuery) {
    await this.freshness.ensure([ORDER_DETAILS_PROJECTION], minPosition);
    const page = await searchOrders(this.documents, {
      customerId: search.customerId
        ? await customerGroup(this.documents, search.customerId)
        : undefined,
      status: search.status,
      limit: search.limit ?? 50,
      cursor: search.cursor,
    });
    return { items: page.items.map(toOrderView), nextCursor: page.nextCursor };
  }
}

export const orderQueryHandlers = [GetOrderHandler, SearchOrdersHandler];
