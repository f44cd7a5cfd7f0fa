import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ErrorBody } from '@crm/platform';
import { Roles, uuidPipe } from '@crm/security';
import { HistoryQueryDto, StateAtQueryDto } from './audit.dto';
import { AuditService } from './audit.service';
import type { HistoryPage } from '@crm/composition';

@ApiTags('audit')
@ApiBearerAuth()
@ApiResponse({ status: 400, type: ErrorBody })
@ApiResponse({ status: 401, type: ErrorBody })
@ApiResponse({ status: 403, type: ErrorBody })
@ApiResponse({ status: 404, type: ErrorBody })
@Controller('customers/:id')
@Roles('auditor')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('history')
  @ApiOperation({
    summary:
      'Every event about the customer, in log order, with metadata (who, when, command, correlation)',
    description: 'Personal data is decrypted, or shown as [erased] once the customer is forgotten.',
  })
  history(
    @Param('id', uuidPipe) id: string,
    @Query() query: HistoryQueryDto,
  ): Promise<HistoryPage> {
    return this.audit.history(id, query.limit ?? 100, Number(query.cursor ?? 0));
  }

  @Get('state')
  @ApiOperation({
    summary: 'The customer as of a time or a log position: profile, open tickets, orders',
  })
  state(@Param('id', uuidPipe) id: string, @Query() query: StateAtQueryDto): Promise<unknown> {
    return this.audit.stateAt(id, query.at);
  }
}
