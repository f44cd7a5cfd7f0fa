import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, deriveAggregateId, EVENT_STORE, fold } from '@crm/eventsourcing';
import type { EventStore, Upcaster } from '@crm/eventsourcing';
import type { CommandResponse } from '@crm/platform';
import { ReadModelFreshness, RequestValidationError, UPCASTERS } from '@crm/platform';
import type { CampaignEvent, CampaignPlan, CampaignState } from '../domain/campaign';
import { campaignStreamId } from '../domain/campaign';
import { campaignDecider } from '../domain/campaign.decider';
import { toAudienceRule } from '../http/campaign.dto';
import { audienceDigest } from './audience-digest';
import { resolveAudience } from './audience-resolver';
import type { AudienceSource } from './audience-source';
import { AUDIENCE_SOURCE } from './audience-source';
import {
  EndCampaignCommand,
  LaunchCampaignCommand,
  PlanCampaignCommand,
  RecordResponseCommand,
} from './campaign.commands';
import { recordAudienceChunks, runCampaignCommand } from './campaign-runner';
import type { MarketingClock } from './marketing.config';
import { MARKETING_CLOCK } from './marketing.config';

@CommandHandler(PlanCampaignCommand)
export class PlanCampaignHandler implements ICommandHandler<PlanCampaignCommand> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(AUDIENCE_SOURCE) private readonly audience: AudienceSource,
    @Inject(MARKETING_CLOCK) private readonly clock: MarketingClock,
  ) {}

  execute({ body, context }: PlanCampaignCommand): Promise<CommandResponse> {
    const segment = body.audience.segment;
    // Segment names belong to analytics, so they are checked here rather than in the DTO.
    if (segment !== undefined && !this.audience.segmentNames.includes(segment)) {
      throw new RequestValidationError([
        {
          field: 'audience.segment',
          rule: 'isIn',
          message: `audience.segment must be one of ${this.audience.segmentNames.join(', ')}`,
        },
      ]);
    }
    return runCampaignCommand(
      this.runner,
      {
        type: 'PlanCampaign',
        campaignId: deriveAggregateId(context, 'campaign'),
        name: body.name,
        channel: body.channel,
        cost: { amount: body.cost.amount, currency: body.cost.currency },
        startsAt: new Date(body.startsAt).toISOString(),
        endsAt: new Date(body.endsAt).toISOString(),
        attributionWindowDays: body.attributionWindowDays,
        audience: toAudienceRule(body.audience),
        at: this.clock().toISOString(),
      },
      context,
    );
  }
}

/**
 * Resolves the audience rule against the read models, once they have applied the whole log as it
 * stood when the launch began, records the audience in chunks (a few appends), then launches. A
 * campaign that is not planned skips the resolving: the runner then answers a retry as it first
 * did, anything else with the decider's refusal naming the status.
 */
@CommandHandler(LaunchCampaignCommand)
export class LaunchCampaignHandler implements ICommandHandler<LaunchCampaignCommand> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(UPCASTERS) private readonly upcaster: Upcaster,
    @Inject(AUDIENCE_SOURCE) private readonly audience: AudienceSource,
    private readonly freshness: ReadModelFreshness,
    @Inject(MARKETING_CLOCK) private readonly clock: MarketingClock,
  ) {}

  async execute({ campaignId, context }: LaunchCampaignCommand): Promise<CommandResponse> {
    const at = this.clock();
    const state = await this.stateOf(campaignId);
    const resolved =
      state.status === 'planned'
        ? await this.resolve(state, at)
        : { customerIds: [], audienceDigest: '', resolvedAtPosition: 0 };
    if (state.status === 'planned') {
      await recordAudienceChunks(this.runner, campaignId, resolved, at.toISOString(), context);
    }
    return runCampaignCommand(
      this.runner,
      { type: 'LaunchCampaign', campaignId, ...resolved, at: at.toISOString() },
      context,
    );
  }

  private async stateOf(campaignId: string): Promise<CampaignState> {
    const recorded = await this.events.readStream(campaignStreamId(campaignId));
    return fold(
      campaignDecider,
      recorded.map((e) => this.upcaster.upcast(e) as unknown as CampaignEvent),
    );
  }

  private async resolve(plan: CampaignPlan, at: Date) {
    const resolvedAtPosition = await this.events.headPosition();
    await this.freshness.ensure(this.audience.projections, resolvedAtPosition);
    const customerIds = await resolveAudience(plan.audienceRule, this.audience, at);
    return { customerIds, audienceDigest: audienceDigest(customerIds), resolvedAtPosition };
  }
}

@CommandHandler(RecordResponseCommand)
export class RecordResponseHandler implements ICommandHandler<RecordResponseCommand> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(MARKETING_CLOCK) private readonly clock: MarketingClock,
  ) {}

  execute({ campaignId, body, context }: RecordResponseCommand): Promise<CommandResponse> {
    return runCampaignCommand(
      this.runner,
      {
        type: 'RecordResponse',
        campaignId,
        customerId: body.customerId,
        kind: body.kind,
        at: this.clock().toISOString(),
      },
      context,
    );
  }
}

const ENDINGS = { complete: 'CompleteCampaign', cancel: 'CancelCampaign' } as const;

@CommandHandler(EndCampaignCommand)
export class EndCampaignHandler implements ICommandHandler<EndCampaignCommand> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(MARKETING_CLOCK) private readonly clock: MarketingClock,
  ) {}

  execute({ campaignId, ending, context }: EndCampaignCommand): Promise<CommandResponse> {
    const at = this.clock().toISOString();
    return runCampaignCommand(this.runner, { type: ENDINGS[ending], campaignId, at }, context);
  }
}

export const campaignCommandHandlers = [
  PlanCampaignHandler,
  LaunchCampaignHandler,
  RecordResponseHandler,
  EndCampaignHandler,
];
