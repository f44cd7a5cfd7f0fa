import { Query } from '@nestjs/cqrs';
import type { CustomerValueQueryDto } from './customer-value.dto';
import type { CustomerValueReport } from './customer-value.queries';

export class GetCustomerValueReportQuery extends Query<CustomerValueReport> {
  constructor(
    readonly query: CustomerValueQueryDto,
    readonly minPosition: number | undefined,
  ) {
    super();
  }
}
