import { Body, Controller, Get, Param, Post, Query, applyDecorators } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { CommandContext } from '@crm/eventsourcing';
import type { CommandResponse } from '@crm/platform';
import {
  ApiArea,
  CommandCtx,
  CommandEndpoint,
  FreshnessQueryDto,
  MinPosition,
  ReadEndpoint,
} from '@crm/platform';
import { Roles, uuidPipe } from '@crm/security';
import {
  EndCampaignCommand,
  LaunchCampaignCommand,
  PlanCampaignCommand,
  RecordResponseCommand,
} from '../application/campaign.commands';
import { GetCampaignQuery, GetCampaignResultsQuery } from '../application/campaign.queries';
import type { CampaignView } from '../application/campaign.view';
import type { CampaignResults } from '../projections/campaigns/campaign-results';
import { PlanCampaignDto, RecordResponseDto } from './campaign.dto';
import { CampaignResponse, CampaignResultsResponse } from './campaign.responses';

/** A write on an existing campaign: service role, 404 unknown, 409 wrong status. */
const CampaignAction = (summary: string, options: { emptyBody?: boolean } = {}) =>
  applyDecorators(
    Roles('service'),
    CommandEndpoint({
      summary,
      notFound: 'No such campaign',
      conflicts: 'Not allowed in the campaign’s current status (named in the message)',
      ...options,
    }),
  );

@ApiArea('marketing')
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('service')
  @CommandEndpoint({
    summary: 'Plan a campaign: channel, cost, period, attribution window and audience rule',
    creates: true,
  })
  plan(
    @Body() body: PlanCampaignDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new PlanCampaignCommand(body, context));
  }

  @Post(':id/launch')
  @CampaignAction(
    'Launch: resolve the audience rule against the read models and fix the audience for good',
    { emptyBody: true },
  )
  launch(
    @Param('id', uuidPipe) id: string,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new LaunchCampaignCommand(id, context));
  }

  @Post(':id/responses')
  @CampaignAction(
    'Record a response (opened, clicked, replied, unsubscribed) of an audience member',
  )
  respond(
    @Param('id', uuidPipe) id: string,
    @Body() body: RecordResponseDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new RecordResponseCommand(id, body, context));
  }

  @Post(':id/complete')
  @CampaignAction('Complete a launched campaign (orders in the window still convert)', {
    emptyBody: true,
  })
  complete(
    @Param('id', uuidPipe) id: string,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new EndCampaignCommand(id, 'complete', context));
  }

  @Post(':id/cancel')
  @CampaignAction('Cancel a planned or launched campaign (orders placed after do not convert)', {
    emptyBody: true,
  })
  cancel(
    @Param('id', uuidPipe) id: string,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new EndCampaignCommand(id, 'cancel', context));
  }

  @Get(':id')
  @Roles('service', 'analyst')
  @ReadEndpoint({
    summary: 'A campaign: its plan, audience rule and size, and lifecycle',
    type: CampaignResponse,
    notFound: 'No such campaign',
  })
  get(
    @Param('id', uuidPipe) id: string,
    @Query() _query: FreshnessQueryDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<CampaignView> {
    return this.queries.execute(new GetCampaignQuery(id, minPosition));
  }

  @Get(':id/results')
  @Roles('service', 'analyst')
  @ReadEndpoint({
    summary: 'Audience, responses, conversions, attributed revenue, cost and ROI per currency',
    type: CampaignResultsResponse,
    notFound: 'No such campaign',
    description:
      'minPosition also waits for the conversions the attribution saga appends for orders up ' +
      'to that position. ROI = (attributed revenue − cost) / cost, null with a reason when the ' +
      'cost is 0 or in another currency.',
  })
  results(
    @Param('id', uuidPipe) id: string,
    @Query() _query: FreshnessQueryDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<CampaignResults> {
    return this.queries.execute(new GetCampaignResultsQuery(id, minPosition));
  }
}
