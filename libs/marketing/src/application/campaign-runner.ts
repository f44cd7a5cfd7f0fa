import type { CommandContext, CommandRunner } from '@crm/eventsourcing';
import type { CommandResponse } from '@crm/platform';
import { toCommandResponse } from '@crm/platform';
import type { CampaignEvent } from '../domain/campaign';
import {
  AUDIENCE_CHUNK_SIZE,
  CAMPAIGN_SCHEMA_VERSIONS,
  campaignStreamId,
} from '../domain/campaign';
import type { CampaignCommand } from '../domain/campaign.decider';
import { AUDIENCE_CHUNKS_PER_APPEND, campaignDecider } from '../domain/campaign.decider';

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
    schemaVersions: CAMPAIGN_SCHEMA_VERSIONS,
  });
  return toCommandResponse(command.campaignId, result);
};

/**
 * Records a launch's audience before the launch, one bounded append per step, each step a command
 * of its own: with an Idempotency-Key, step n of this audience gets its own derived key, so a
 * retried launch replays the steps it already took and appends nothing twice. Each step records
 * the next missing chunks, so after these steps every chunk is there, whatever an earlier attempt
 * left; LaunchCampaign checks that all the same.
 */
export const recordAudienceChunks = async (
  runner: CommandRunner,
  campaignId: string,
  audience: { customerIds: readonly string[]; audienceDigest: string },
  at: string,
  context: CommandContext,
): Promise<void> => {
  const distinct = new Set(audience.customerIds).size;
  const steps = Math.ceil(distinct / (AUDIENCE_CHUNK_SIZE * AUDIENCE_CHUNKS_PER_APPEND));
  for (let step = 0; step < steps; step += 1) {
    const key = context.idempotencyKey;
    const stepContext: CommandContext = key
      ? { ...context, idempotencyKey: `${key}:audience:${audience.audienceDigest}:${step}` }
      : context;
    await runCampaignCommand(
      runner,
      { type: 'RecordCampaignAudience', campaignId, ...audience, at },
      stepContext,
    );
  }
};
