import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  applyDecorators,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { CommandContext } from '@crm/eventsourcing';
import {
  CommandCtx,
  CommandResponse,
  ErrorBody,
  FreshnessQueryDto,
  MinPosition,
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

const IdempotencyKey = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'Retrying with the same key appends nothing and answers as the first request did',
});

/** A write on an existing campaign: 200, service role, 404 unknown, 409 wrong status. */
const CampaignAction = (summary: string) =>
  applyDecorators(
    HttpCode(200),
    Roles('service'),
    IdempotencyKey,
    ApiOperation({ summary }),
    ApiOkResponse({ type: CommandResponse }),
    ApiResponse({ status: 404, type: ErrorBody, description: 'No such campaign' }),
    ApiResponse({
      status: 409,
      type: ErrorBody,
      description: 'Not allowed in the campaign’s current status (named in the message)',
    }),
  );

@ApiTags('marketing')
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
  description: 'A store is down or a read model is behind; see Retry-After',
})
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('service')
  @IdempotencyKey
  @ApiOperation({
    summary: 'Plan a campaign: channel, cost, period, attribution window and audience rule',
  })
  @ApiResponse({ status: 201, type: CommandResponse })
  plan(
    @Body() body: PlanCampaignDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new PlanCampaignCommand(body, context));
  }

  @Post(':id/launch')
  @CampaignAction(
    'Launch: resolve the audience rule against the read models and fix the audience for good',
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
  @CampaignAction('Complete a launched campaign (orders in the window still convert)')
  complete(
    @Param('id', uuidPipe) id: string,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new EndCampaignCommand(id, 'complete', context));
  }

  @Post(':id/cancel')
  @CampaignAction('Cancel a planned or launched campaign (orders placed after do not convert)')
  cancel(
    @Param('id', uuidPipe) id: string,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new EndCampaignCommand(id, 'cancel', context));
  }

  @Get(':id')
  @Roles('service', 'analyst')
  @ApiOperation({ summary: 'A campaign: its plan, audience rule and size, and lifecycle' })
  @ApiOkResponse({ type: CampaignResponse })
  @ApiResponse({ status: 404, type: ErrorBody })
  get(
    @Param('id', uuidPipe) id: string,
    @Query() _query: FreshnessQueryDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<CampaignView> {
    return this.queries.execute(new GetCampaignQuery(id, minPosition));
  }

  @Get(':id/results')
  @Roles('service', 'analyst')
  @ApiOperation({
    summary: 'Audience, responses, conversions, attributed revenue, cost and ROI per currency',
    description:
      'minPosition also waits for the conversions the attribution saga appends for orders up ' +
      'to that position. ROI = (attributed revenue − cost) / cost, null with a reason when the ' +
      'cost is 0 or in another currency.',
  })
  @ApiOkResponse({ type: CampaignResultsResponse })
  @ApiResponse({ status: 404, type: ErrorBody })
  results(
    @Param('id', uuidPipe) id: string,
    @Query() _query: FreshnessQueryDto,
    @MinPosition() minPosition: number | undefined,
  ): Promise<CampaignResults> {
    return this.queries.execute(new GetCampaignResultsQuery(id, minPosition));
  }
}
