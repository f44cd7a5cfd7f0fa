import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ErrorBody, MinPosition } from '@crm/platform';
import { Roles } from '@crm/security';
import { RfmQueryDto, RfmReportResponse } from './rfm.dto';
import { GetRfmReportQuery } from './rfm.query';
import type { RfmReport } from './rfm.report';

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
@Controller('analytics/rfm')
export class RfmController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('analyst')
  @ApiOperation({
    summary: 'RFM scores (quintiles 1–5) and segments of every customer with orders, as of a date',
    description:
      'Computed at query time from the customer value read model. Segments, first match wins: ' +
      'champions R≥4 F≥4 M≥4; loyal R≥3 F≥4; new R≥4 and one order; potential_loyalists R≥3; ' +
      'cant_lose F≥4 M≥4; at_risk F≥3 or M≥3; hibernating R=2; lost R=1.',
  })
  @ApiOkResponse({ type: RfmReportResponse })
  report(
    @Query() query: RfmQueryDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<RfmReport> {
    return this.queries.execute(new GetRfmReportQuery(query, minPosition));
  }
}
