import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { ApiArea, ErrorBody } from '@crm/platform';
import { Roles, uuidPipe } from '@crm/security';
import { HistoryQueryDto, StateAtQueryDto } from './audit.dto';
import { HistoryPageResponse, StateAtResponse } from './audit.responses';
import { AuditService } from './audit.service';
import type { HistoryPage } from '@crm/composition';

@ApiArea('audit')
@ApiResponse({ status: 404, type: ErrorBody, description: 'No such customer, or no history then' })
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
  @ApiOkResponse({ type: HistoryPageResponse })
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
  @ApiOkResponse({ type: StateAtResponse })
  state(@Param('id', uuidPipe) id: string, @Query() query: StateAtQueryDto): Promise<unknown> {
    return this.audit.stateAt(id, query.at);
  }
}
