import type { CommandContext, CommandRunner } from '@crm/eventsourcing';
import type { CommandResponse } from '@crm/platform';
import { toCommandResponse } from '@crm/platform';
import type { CampaignEvent } from '../domain/campaign';
import { campaignStreamId } from '../domain/campaign';
import type { CampaignCommand } from '../domain/campaign.decider';
import { campaignDecider } from '../domain/campaign.decider';

/**
 * A campaign concerns many customers: responses and conversions name theirs, other events none.
 * Null tells the runner the event concerns no customer, rather than the stream's first one.
 */
const customerOf = (event: CampaignEvent): string | null =>
  'customerId' in event.data ? event.data.customerId : null;

export const runCampaignCommand = async (
  runner: CommandRunner,
  command: CampaignCommand,
  context: CommandContext,
): Promise<CommandResponse> => {
  const result = await runner.run(campaignDecider, command, {
    streamId: campaignStreamId(command.campaignId),
    context,
    commandType: command.type,
    customerId: customerOf,
  });
  return toCommandResponse(command.campaignId, result);
};
