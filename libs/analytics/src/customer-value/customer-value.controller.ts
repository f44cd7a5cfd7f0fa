import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ErrorBody, MinPosition } from '@crm/platform';
import { Roles } from '@crm/security';
import type { CustomerValueReport } from './customer-value.queries';
import { CustomerValueQueryDto, CustomerValueReportResponse } from './customer-value.dto';
import { GetCustomerValueReportQuery } from './customer-value.query';

@ApiTags('analytics')
@ApiBearerAuth()
@ApiResponse({
  status: 400,
  type: ErrorBody,
  description: 'Invalid input: names the field and rule',
})
@ApiResponse({ status: 401, type: ErrorBody })
@ApiResponse({ status: 403, type: ErrorBody })
@ApiResponse({
  status: 503,
  type: ErrorBody,
  description: 'A store is down or the read model is behind; see Retry-After',
})
@Controller('analytics/customer-value')
export class CustomerValueController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('analyst')
  @ApiOperation({
    summary: 'Customer value per currency: totals over all customers and the top customers',
    description:
      "An order's value is its total minus refunds while it is not cancelled, and 0 once cancelled; " +
      "a customer's value is the sum over their orders, per currency. Amounts are integer minor units.",
  })
  @ApiOkResponse({ type: CustomerValueReportResponse })
  report(
    @Query() query: CustomerValueQueryDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<CustomerValueReport> {
    return this.queries.execute(new GetCustomerValueReportQuery(query, minPosition));
  }
}
