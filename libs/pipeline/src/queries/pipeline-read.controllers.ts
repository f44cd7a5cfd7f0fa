import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiArea, FreshnessQueryDto, ListEndpoint, MinPosition, ReadEndpoint } from '@crm/platform';
import { Roles, uuidPipe } from '@crm/security';
import { ACTIVITIES_PROJECTION } from '../projections/activity.document';
import { PIPELINE_BOARD_PROJECTION } from '../projections/pipeline-board.document';
import { PIPELINE_DEFINITIONS_PROJECTION } from '../projections/pipeline-definitions.projection';
import { SearchActivitiesDto, SearchOpportunitiesDto } from './pipeline-read.dto';
import { PipelineRead } from './pipeline-read.query';
import {
  ActivityPageResponse,
  OpportunityDetailResponse,
  OpportunityPageResponse,
  PipelineResponse,
} from './pipeline-read.responses';
import type {
  ActivityView,
  OpportunityDetailView,
  OpportunityView,
  Page,
  PipelineView,
} from './pipeline-reads';
import {
  getOpportunity,
  getPipeline,
  searchActivities,
  searchOpportunities,
} from './pipeline-reads';

@ApiArea('pipeline')
@Controller('opportunities')
export class OpportunityReadsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles('service', 'analyst')
  @ReadEndpoint({
    summary: 'An opportunity as it stands, with every stage it entered and left',
    type: OpportunityDetailResponse,
    notFound: 'No such opportunity',
  })
  get(
    @Param('id', uuidPipe) id: string,
    @Query() _query: FreshnessQueryDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<OpportunityDetailView> {
    return this.queries.execute(
      new PipelineRead([PIPELINE_BOARD_PROJECTION], minPosition, (d) => getOpportunity(d, id)),
    );
  }

  @Get()
  @Roles('service', 'analyst')
  @ListEndpoint({
    summary: 'Opportunities, newest first, by customer, owner, stage, status and pipeline (paged)',
    type: OpportunityPageResponse,
  })
  search(
    @Query() query: SearchOpportunitiesDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<Page<OpportunityView>> {
    const search = {
      customerId: query.customerId,
      ownerId: query.owner,
      stageId: query.stage,
      status: query.status,
      pipelineId: query.pipelineId,
      limit: query.limit ?? 50,
      cursor: query.cursor,
    };
    return this.queries.execute(
      new PipelineRead([PIPELINE_BOARD_PROJECTION], minPosition, (d) =>
        searchOpportunities(d, search),
      ),
    );
  }
}

@ApiArea('pipeline')
@Controller('pipelines')
export class PipelineReadsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles('service', 'analyst')
  @ReadEndpoint({
    summary: 'A pipeline: the definition in force and every earlier version with when it began',
    type: PipelineResponse,
    notFound: 'No such pipeline',
  })
  get(
    @Param('id', uuidPipe) id: string,
    @Query() _query: FreshnessQueryDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<PipelineView> {
    return this.queries.execute(
      new PipelineRead([PIPELINE_DEFINITIONS_PROJECTION], minPosition, (d) => getPipeline(d, id)),
    );
  }
}

@ApiArea('pipeline')
@Controller('activities')
export class ActivityReadsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('service', 'analyst')
  @ListEndpoint({
    summary:
      'Activities and tasks, earliest due (or occurred) first; overdue=true with an assignee is their follow-up queue (paged)',
    type: ActivityPageResponse,
  })
  search(
    @Query() query: SearchActivitiesDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<Page<ActivityView>> {
    const search = {
      assigneeId: query.assignee,
      overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
      customerId: query.customerId,
      opportunityId: query.opportunityId,
      status: query.status,
      kind: query.kind,
      now: new Date().toISOString(),
      limit: query.limit ?? 50,
      cursor: query.cursor,
    };
    return this.queries.execute(
      new PipelineRead([ACTIVITIES_PROJECTION], minPosition, (d) => searchActivities(d, search)),
    );
  }
}
