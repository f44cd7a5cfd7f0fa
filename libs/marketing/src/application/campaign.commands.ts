import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@crm/eventsourcing';
import type { CommandResponse } from '@crm/platform';
import type { PlanCampaignDto, RecordResponseDto } from '../http/campaign.dto';

export class PlanCampaignCommand extends Command<CommandResponse> {
  constructor(
    readonly body: PlanCampaignDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class LaunchCampaignCommand extends Command<CommandResponse> {
  constructor(
    readonly campaignId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class RecordResponseCommand extends Command<CommandResponse> {
  constructor(
    readonly campaignId: string,
    readonly body: RecordResponseDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Complete and cancel carry nothing but the campaign. */
export type CampaignEnding = 'complete' | 'cancel';

export class EndCampaignCommand extends Command<CommandResponse> {
  constructor(
    readonly campaignId: string,
    readonly ending: CampaignEnding,
    readonly context: CommandContext,
  ) {
    super();
  }
}
