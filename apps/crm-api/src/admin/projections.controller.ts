import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { RebuildProgress } from '@crm/eventsourcing';
import { ErrorBody } from '@crm/platform';
import { Roles } from '@crm/security';
import { ProjectionRebuilds } from './projection-rebuilds.service';
import { ProjectionStatusResponse, RebuildProgressResponse } from './projection.responses';
import type { ProjectionView } from './projection-states.service';
import { ProjectionStates } from './projection-states.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/projections')
@Roles()
export class ProjectionsController {
  constructor(
    private readonly rebuilds: ProjectionRebuilds,
    private readonly states: ProjectionStates,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Every projection: state, checkpoint, events behind the log (counted), rebuild progress; a stopped one names the event it cannot apply and the error',
  })
  @ApiOkResponse({ type: [ProjectionStatusResponse] })
  list(): Promise<ProjectionView[]> {
    return this.states.list();
  }

  @Post(':name/rebuild')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Rebuild a read model without downtime',
    description:
      'Builds a fresh copy from position 0 while the live one keeps serving, then swaps it in at once. Progress: GET /admin/projections and /health/ready.',
  })
  @ApiAcceptedResponse({ type: RebuildProgressResponse, description: 'Started' })
  @ApiResponse({ status: 404, type: ErrorBody, description: 'No such projection' })
  @ApiResponse({ status: 409, type: ErrorBody, description: 'Already rebuilding' })
  rebuild(@Param('name') name: string): RebuildProgress {
    return this.rebuilds.start(name);
  }
}
