import type { Decider, DomainError } from '@crm/eventsourcing';
import { isDomainError } from '@crm/eventsourcing';
import type { Money } from '@crm/sales';
import { isAmountWithinLimit, isCurrencyCode, MAX_AMOUNT } from '@crm/sales';
import type { AudienceRule } from './audience-rule';
import { audienceRuleProblem } from './audience-rule';
import { attributionEndOf, attributionWindow, windowCovers } from './attribution-window';
import type {
  Attribution,
  CampaignChannel,
  CampaignEvent,
  CampaignState,
  CampaignStatus,
  ExistingCampaign,
  ResponseKind,
  ReversalReason,
} from './campaign';
import {
  AUDIENCE_CHUNK_SIZE,
  CAMPAIGN_CHANNELS,
  evolveCampaign,
  initialCampaignState,
  launchOf,
  RESPONSE_KINDS,
} from './campaign';
import { campaignErrors } from './campaign.errors';

export type PlanCampaign = {
  type: 'PlanCampaign';
  campaignId: string;
  name: string;
  channel: CampaignChannel;
  cost: Money;
  startsAt: string;
  endsAt: string;
  attributionWindowDays: number;
  audience: AudienceRule;
  at: string;
};
/**
 * Records the next chunks of a launch's audience not yet recorded under `audienceDigest` (a
 * digest of the sorted distinct ids, computed by the caller): at most AUDIENCE_CHUNKS_PER_APPEND,
 * none when all are there. Sent as often as needed before LaunchCampaign.
 */
export type RecordCampaignAudience = {
  type: 'RecordCampaignAudience';
  campaignId: string;
  audienceDigest: string;
  customerIds: readonly string[];
  at: string;
};
/**
 * `customerIds`: the audience rule as resolved against the read models at `resolvedAtPosition`,
 * whose chunks RecordCampaignAudience recorded under `audienceDigest` first.
 */
export type LaunchCampaign = {
  type: 'LaunchCampaign';
  campaignId: string;
  audienceDigest: string;
  customerIds: readonly string[];
  resolvedAtPosition: number;
  at: string;
};
export type RecordResponse = {
  type: 'RecordResponse';
  campaignId: string;
  customerId: string;
  kind: ResponseKind;
  at: string;
};
export type CompleteCampaign = { type: 'CompleteCampaign'; campaignId: string; at: string };
export type CancelCampaign = { type: 'CancelCampaign'; campaignId: string; at: string };
/** Sent by the attribution saga only; a second conversion of the same order changes nothing. */
export type RecordConversion = {
  type: 'RecordConversion';
  campaignId: string;
  orderId: string;
  customerId: string;
  value: Money;
  placedAt: string;
  attribution: Attribution;
};
/** `amount` null reverses whatever is left (a cancellation); a refund reverses its amount. */
export type ReverseConversion = {
  type: 'ReverseConversion';
  campaignId: string;
  orderId: string;
  amount: number | null;
  reason: ReversalReason;
  at: string;
};

export type CampaignCommand =
  | PlanCampaign
  | RecordCampaignAudience
  | LaunchCampaign
  | RecordResponse
  | CompleteCampaign
  | CancelCampaign
  | RecordConversion
  | ReverseConversion;

type Decision = readonly CampaignEvent[] | DomainError;
type PlannedCampaign = Extract<CampaignState, { status: 'planned' }>;

export const MAX_CAMPAIGN_NAME = 200;
export const MAX_ATTRIBUTION_WINDOW_DAYS = 365;
/** Most customers one launch may reach (100 chunks). */
export const MAX_AUDIENCE = 100_000;
/** Chunk events per append: about 390 KB of uuids, well under EventStoreDB's 1 MiB per append. */
export const AUDIENCE_CHUNKS_PER_APPEND = 10;

/** The statuses each lifecycle command may start from; anything else is a 409 naming the status. */
export const ALLOWED_FROM = {
  RecordCampaignAudience: ['planned'],
  LaunchCampaign: ['planned'],
  RecordResponse: ['launched', 'completed'],
  CompleteCampaign: ['launched'],
  CancelCampaign: ['planned', 'launched'],
} as const satisfies Record<string, readonly CampaignStatus[]>;

const VERBS: Readonly<Record<keyof typeof ALLOWED_FROM, string>> = {
  RecordCampaignAudience: 'record the audience of',
  LaunchCampaign: 'launch',
  RecordResponse: 'record a response for',
  CompleteCampaign: 'complete',
  CancelCampaign: 'cancel',
};

const existing = (campaignId: string, state: CampaignState): ExistingCampaign | DomainError =>
  state.status === 'none' ? campaignErrors.notFound(campaignId) : state;

const requireStatus = (
  command: { type: keyof typeof ALLOWED_FROM; campaignId: string },
  state: CampaignState,
): ExistingCampaign | DomainError => {
  if (state.status === 'none') return campaignErrors.notFound(command.campaignId);
  const allowed: readonly CampaignStatus[] = ALLOWED_FROM[command.type];
  return allowed.includes(state.status)
    ? state
    : campaignErrors.illegalTransition(state, VERBS[command.type], allowed);
};

const isInstant = (value: string): boolean => !Number.isNaN(Date.parse(value));

const planProblem = (command: PlanCampaign): DomainError | null => {
  const invalid = campaignErrors.invalid;
  const name = command.name.trim();
  if (name.length === 0 || name.length > MAX_CAMPAIGN_NAME)
    return invalid('INVALID_NAME', `name must be 1 to ${MAX_CAMPAIGN_NAME} characters`);
  if (!(CAMPAIGN_CHANNELS as readonly string[]).includes(command.channel))
    return invalid('INVALID_CHANNEL', `channel must be one of ${CAMPAIGN_CHANNELS.join(', ')}`);
  if (!isCurrencyCode(command.cost.currency))
    return invalid('INVALID_CURRENCY', `cost currency ${command.cost.currency} is not ISO 4217`);
  if (!isAmountWithinLimit(command.cost.amount))
    return invalid(
      'INVALID_AMOUNT',
      `cost must be an integer of minor units from 0 to ${MAX_AMOUNT}`,
    );
  if (!isInstant(command.startsAt) || !isInstant(command.endsAt))
    return invalid('INVALID_PERIOD', 'startsAt and endsAt must be instants');
  if (Date.parse(command.endsAt) <= Date.parse(command.startsAt))
    return invalid('INVALID_PERIOD', 'endsAt must be after startsAt');
  const days = command.attributionWindowDays;
  if (!Number.isSafeInteger(days) || days < 0 || days > MAX_ATTRIBUTION_WINDOW_DAYS)
    return invalid(
      'INVALID_ATTRIBUTION_WINDOW',
      `attributionWindowDays must be an integer from 0 to ${MAX_ATTRIBUTION_WINDOW_DAYS}`,
    );
  const ruleProblem = audienceRuleProblem(command.audience);
  return ruleProblem ? invalid('INVALID_AUDIENCE_RULE', ruleProblem) : null;
};

const plan = (command: PlanCampaign, state: CampaignState): Decision => {
  if (state.status !== 'none') return campaignErrors.alreadyExists(state);
  const problem = planProblem(command);
  if (problem) return problem;
  const { type: _type, at, name, ...rest } = command;
  return [{ type: 'CampaignPlanned', data: { ...rest, name: name.trim(), plannedAt: at } }];
};

/** The audience's sorted distinct ids in chunks of AUDIENCE_CHUNK_SIZE. */
export const audienceChunksOf = (customerIds: readonly string[]): string[][] => {
  const sorted = [...new Set(customerIds)].sort();
  const chunks: string[][] = [];
  for (let start = 0; start < sorted.length; start += AUDIENCE_CHUNK_SIZE) {
    chunks.push(sorted.slice(start, start + AUDIENCE_CHUNK_SIZE));
  }
  return chunks;
};

/** A planned campaign that may still launch now with this audience, and the audience's chunks. */
const launchable = (
  command: RecordCampaignAudience | LaunchCampaign,
  state: CampaignState,
): { campaign: PlannedCampaign; chunks: string[][] } | DomainError => {
  const campaign = requireStatus(command, state);
  if (isDomainError(campaign)) return campaign;
  if (campaign.status !== 'planned') return campaignErrors.notFound(command.campaignId);
  if (Date.parse(command.at) > Date.parse(campaign.endsAt)) return campaignErrors.ended(campaign);
  const chunks = audienceChunksOf(command.customerIds);
  const count = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  if (count > MAX_AUDIENCE)
    return campaignErrors.audienceTooLarge(campaign.campaignId, count, MAX_AUDIENCE);
  return { campaign, chunks };
};

const recordAudience = (command: RecordCampaignAudience, state: CampaignState): Decision => {
  const checked = launchable(command, state);
  if (isDomainError(checked)) return checked;
  const { campaign, chunks } = checked;
  const recorded = campaign.drafts[command.audienceDigest] ?? {};
  const missing = chunks
    .map((customerIds, chunk) => ({ customerIds, chunk }))
    .filter(({ chunk }) => recorded[chunk] === undefined)
    .slice(0, AUDIENCE_CHUNKS_PER_APPEND);
  return missing.map(({ customerIds, chunk }) => ({
    type: 'CampaignAudienceRecorded',
    data: {
      campaignId: campaign.campaignId,
      audienceDigest: command.audienceDigest,
      chunk,
      chunks: chunks.length,
      customerIds,
    },
  }));
};

/** Launches only once every chunk of the audience is recorded under its digest. */
const launch = (command: LaunchCampaign, state: CampaignState): Decision => {
  const checked = launchable(command, state);
  if (isDomainError(checked)) return checked;
  const { campaign, chunks } = checked;
  const recorded = campaign.drafts[command.audienceDigest] ?? {};
  const complete = chunks.filter((ids, chunk) => recorded[chunk]?.length === ids.length).length;
  if (complete < chunks.length)
    return campaignErrors.audienceIncomplete(campaign.campaignId, complete, chunks.length);
  const audience = {
    kind: 'chunked' as const,
    digest: command.audienceDigest,
    chunks: chunks.length,
    count: chunks.reduce((sum, chunk) => sum + chunk.length, 0),
    resolvedAtPosition: command.resolvedAtPosition,
  };
  const attributionEndsAt = attributionEndOf(campaign.endsAt, campaign.attributionWindowDays);
  return [
    {
      type: 'CampaignLaunched',
      data: {
        campaignId: campaign.campaignId,
        audience,
        launchedAt: command.at,
        attributionEndsAt,
      },
    },
  ];
};

const respond = (command: RecordResponse, state: CampaignState): Decision => {
  const campaign = requireStatus(command, state);
  if (isDomainError(campaign)) return campaign;
  if (!(RESPONSE_KINDS as readonly string[]).includes(command.kind))
    return campaignErrors.invalid(
      'INVALID_KIND',
      `kind must be one of ${RESPONSE_KINDS.join(', ')}`,
    );
  const { campaignId, customerId, kind, at } = command;
  if (!launchOf(campaign)?.audience.has(customerId))
    return campaignErrors.notInAudience(campaignId, customerId, 'a response');
  return [{ type: 'ResponseRecorded', data: { campaignId, customerId, kind, respondedAt: at } }];
};

const complete = (command: CompleteCampaign, state: CampaignState): Decision => {
  const campaign = requireStatus(command, state);
  if (isDomainError(campaign)) return campaign;
  return [
    {
      type: 'CampaignCompleted',
      data: { campaignId: campaign.campaignId, completedAt: command.at },
    },
  ];
};

const cancel = (command: CancelCampaign, state: CampaignState): Decision => {
  const campaign = requireStatus(command, state);
  if (isDomainError(campaign)) return campaign;
  return [
    {
      type: 'CampaignCancelled',
      data: { campaignId: campaign.campaignId, cancelledAt: command.at },
    },
  ];
};

const convert = (command: RecordConversion, state: CampaignState): Decision => {
  const campaign = existing(command.campaignId, state);
  if (isDomainError(campaign)) return campaign;
  const launched = launchOf(campaign);
  if (!launched) return campaignErrors.neverLaunched(campaign, 'record a conversion for');
  const { campaignId, orderId, customerId, value, placedAt, attribution } = command;
  if (launched.conversions[orderId]) return [];
  const cancelledAt = campaign.status === 'cancelled' ? campaign.cancelledAt : null;
  const window = attributionWindow(launched.launchedAt, launched.attributionEndsAt, cancelledAt);
  if (!windowCovers(window, placedAt))
    return campaignErrors.outsideWindow(campaignId, placedAt, window.from, window.to);
  if (attribution === 'last_touch' && !launched.audience.has(customerId))
    return campaignErrors.notInAudience(campaignId, customerId, 'a last-touch conversion');
  if (!Number.isSafeInteger(value.amount) || value.amount < 0)
    return campaignErrors.invalid('INVALID_AMOUNT', 'a conversion value must be non-negative');
  const { amount, currency } = value;
  return [
    {
      type: 'ConversionRecorded',
      data: { campaignId, orderId, customerId, amount, currency, placedAt, attribution },
    },
  ];
};

const reverse = (command: ReverseConversion, state: CampaignState): Decision => {
  const campaign = existing(command.campaignId, state);
  if (isDomainError(campaign)) return campaign;
  const conversion = launchOf(campaign)?.conversions[command.orderId];
  // Nothing counted, or nothing left to take back: a replayed reversal changes nothing.
  if (!conversion?.live) return [];
  const { campaignId, orderId, reason, at } = command;
  const amount =
    command.amount === null ? conversion.remaining : Math.min(command.amount, conversion.remaining);
  if (amount < 0 || !Number.isSafeInteger(amount))
    return campaignErrors.invalid('INVALID_AMOUNT', 'a reversal must be a non-negative amount');
  const fully = reason === 'order_cancelled' || amount === conversion.remaining;
  const { customerId, currency } = conversion;
  return [
    {
      type: 'ConversionReversed',
      data: { campaignId, orderId, customerId, amount, currency, reason, fully, reversedAt: at },
    },
  ];
};

export const decideCampaign = (command: CampaignCommand, state: CampaignState): Decision => {
  switch (command.type) {
    case 'PlanCampaign':
      return plan(command, state);
    case 'RecordCampaignAudience':
      return recordAudience(command, state);
    case 'LaunchCampaign':
      return launch(command, state);
    case 'RecordResponse':
      return respond(command, state);
    case 'CompleteCampaign':
      return complete(command, state);
    case 'CancelCampaign':
      return cancel(command, state);
    case 'RecordConversion':
      return convert(command, state);
    case 'ReverseConversion':
      return reverse(command, state);
    default: {
      const unknownCommand: never = command;
      return unknownCommand;
    }
  }
};

export const campaignDecider: Decider<CampaignCommand, CampaignEvent, CampaignState> = {
  decide: decideCampaign,
  evolve: evolveCampaign,
  initialState: initialCampaignState,
};
