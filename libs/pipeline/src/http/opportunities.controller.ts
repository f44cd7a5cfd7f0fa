import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@crm/eventsourcing';
import type { CommandEndpointOptions, CommandResponse } from '@crm/platform';
import { ApiArea, CommandCtx } from '@crm/platform';
import { uuidPipe } from '@crm/security';
import type { PipelineRequest } from '../application/pipeline.requests';
import {
  ChangeOpportunityAmountDto,
  ChangeOpportunityCloseDateDto,
  ChangeOpportunityOwnerDto,
  LoseOpportunityDto,
  MoveOpportunityStageDto,
  OpenOpportunityDto,
  WinOpportunityDto,
} from './opportunity.dto';
import { WinOpportunityResponse } from './pipeline-command.responses';
import { PipelineWrite, sendPipelineRequest } from './pipeline-commands';

/** A write on an existing opportunity: 404 unknown, 409 when its status refuses it. */
const OpportunityAction = (summary: string, options: Partial<CommandEndpointOptions> = {}) =>
  PipelineWrite(['service'], {
    summary,
    notFound: 'No such opportunity',
    conflicts: 'Won (final) or lost (reopen it first), named in the message',
    ...options,
  });

@ApiArea('pipeline')
@Controller('opportunities')
export class OpportunitiesController {
  constructor(private readonly commands: CommandBus) {}

  private send(request: PipelineRequest, context: CommandContext): Promise<CommandResponse> {
    return sendPipelineRequest(this.commands, request, context);
  }

  @Post()
  @PipelineWrite(['service'], {
    summary: 'Open an opportunity for a customer, in the first open stage of a pipeline',
    creates: true,
    notFound: 'No such customer or pipeline',
    conflicts: 'The customer was forgotten or merged',
  })
  open(
    @Body() body: OpenOpportunityDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send(
      { type: 'OpenOpportunity', ...body, campaignId: body.campaignId ?? null },
      context,
    );
  }

  @Post(':id/stage')
  @OpportunityAction('Move an open opportunity to another open stage of its pipeline', {
    description: 'A stage the definition in force lacks, or a won or lost stage, is a 400',
  })
  stage(
    @Param('id', uuidPipe) id: string,
    @Body() body: MoveOpportunityStageDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ type: 'MoveOpportunityStage', opportunityId: id, ...body }, context);
  }

  @Post(':id/amount')
  @OpportunityAction('Change the amount of an open opportunity')
  amount(
    @Param('id', uuidPipe) id: string,
    @Body() body: ChangeOpportunityAmountDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ type: 'ChangeOpportunityAmount', opportunityId: id, ...body }, context);
  }

  @Post(':id/close-date')
  @OpportunityAction('Change the expected close date of an open opportunity')
  closeDate(
    @Param('id', uuidPipe) id: string,
    @Body() body: ChangeOpportunityCloseDateDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ type: 'ChangeOpportunityCloseDate', opportunityId: id, ...body }, context);
  }

  @Post(':id/owner')
  @OpportunityAction('Give an open opportunity to another owner')
  owner(
    @Param('id', uuidPipe) id: string,
    @Body() body: ChangeOpportunityOwnerDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ type: 'ChangeOpportunityOwner', opportunityId: id, ...body }, context);
  }

  @Post(':id/win')
  @OpportunityAction('Win an open opportunity, optionally placing its order through sales', {
    description:
      'With `order`, the order is checked as POST /orders checks it before the win is recorded, then placed; the win records the order id and the order the opportunity id. Send an Idempotency-Key: a request retried with it after a failure places the order once.',
    answers: { type: WinOpportunityResponse },
  })
  win(
    @Param('id', uuidPipe) id: string,
    @Body() body: WinOpportunityDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    const order = body.order ?? null;
    return this.send({ type: 'WinOpportunity', opportunityId: id, order }, context);
  }

  @Post(':id/lose')
  @OpportunityAction('Lose an open opportunity, with a reason from the list')
  lose(
    @Param('id', uuidPipe) id: string,
    @Body() body: LoseOpportunityDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ type: 'LoseOpportunity', opportunityId: id, ...body }, context);
  }

  @Post(':id/reopen')
  @OpportunityAction(
    'Reopen a lost opportunity within 90 days of the loss, back in the stage it was lost from',
    {
      emptyBody: true,
      conflicts: 'Not lost, or lost more than 90 days ago (named in the message)',
    },
  )
  reopen(
    @Param('id', uuidPipe) id: string,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.send({ type: 'ReopenOpportunity', opportunityId: id }, context);
  }
}
