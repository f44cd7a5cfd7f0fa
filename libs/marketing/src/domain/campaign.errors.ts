import type { DomainError } from '@crm/eventsourcing';
import { domainError } from '@crm/eventsourcing';
import type { CampaignStatus, ExistingCampaign } from './campaign';

/** Each refusal names the campaign and, for a wrong status, the status it is in. */
export const campaignErrors = {
  notFound: (campaignId: string): DomainError =>
    domainError('not_found', 'CAMPAIGN_NOT_FOUND', `campaign ${campaignId} does not exist`),
  alreadyExists: (campaign: ExistingCampaign): DomainError =>
    domainError(
      'conflict',
      'CAMPAIGN_ALREADY_EXISTS',
      `campaign ${campaign.campaignId} already exists (status ${campaign.status})`,
    ),
  illegalTransition: (
    campaign: ExistingCampaign,
    action: string,
    allowed: readonly CampaignStatus[],
  ): DomainError =>
    domainError(
      'conflict',
      'ILLEGAL_CAMPAIGN_TRANSITION',
      `cannot ${action} campaign ${campaign.campaignId}: it is ${campaign.status} (allowed from ${allowed.join(', ')})`,
    ),
  neverLaunched: (campaign: ExistingCampaign, action: string): DomainError =>
    domainError(
      'conflict',
      'CAMPAIGN_NOT_LAUNCHED',
      `cannot ${action} campaign ${campaign.campaignId}: it is ${campaign.status} and was never launched`,
    ),
  ended: (campaign: ExistingCampaign): DomainError =>
    domainError(
      'conflict',
      'CAMPAIGN_ENDED',
      `cannot launch campaign ${campaign.campaignId}: it is planned but ended at ${campaign.endsAt}`,
    ),
  audienceTooLarge: (campaignId: string, count: number, max: number): DomainError =>
    domainError(
      'conflict',
      'AUDIENCE_TOO_LARGE',
      `campaign ${campaignId} resolved to ${count} customers; at most ${max} can be launched at once`,
    ),
  audienceIncomplete: (campaignId: string, recorded: number, chunks: number): DomainError =>
    domainError(
      'conflict',
      'AUDIENCE_INCOMPLETE',
      `cannot launch campaign ${campaignId}: ${recorded} of its ${chunks} audience chunks are recorded; retry the launch`,
    ),
  notInAudience: (campaignId: string, customerId: string, what: string): DomainError =>
    domainError(
      'conflict',
      'NOT_IN_AUDIENCE',
      `customer ${customerId} is not in the audience of campaign ${campaignId}, so cannot record ${what}`,
    ),
  outsideWindow: (campaignId: string, placedAt: string, from: string, to: string): DomainError =>
    domainError(
      'conflict',
      'OUTSIDE_ATTRIBUTION_WINDOW',
      `an order placed at ${placedAt} is outside the attribution window of campaign ${campaignId} (${from} to ${to})`,
    ),
  invalid: (code: string, message: string): DomainError => domainError('invalid', code, message),
};
