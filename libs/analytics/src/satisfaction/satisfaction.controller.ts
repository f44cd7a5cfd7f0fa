import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ErrorBody, MinPosition } from '@crm/platform';
import { Roles } from '@crm/security';
import { SatisfactionReportDto, toReportQuery } from './satisfaction-report.dto';
import { GetSatisfactionReportQuery } from './satisfaction-report.query';
import type { SatisfactionReport } from './satisfaction.queries';
import { SatisfactionReportResponse } from './satisfaction.responses';

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
  description: 'The read model is behind; see Retry-After',
})
@Controller('analytics/satisfaction')
export class SatisfactionController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('analyst')
  @ApiOperation({
    summary:
      'Satisfaction: average = Σ score / n, CSAT % (share of 4–5) and the 1–5 distribution, overall and by group',
  })
  @ApiOkResponse({ type: SatisfactionReportResponse })
  get(
    @Query() query: SatisfactionReportDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<SatisfactionReport> {
    return this.queries.execute(new GetSatisfactionReportQuery(toReportQuery(query), minPosition));
  }
}
