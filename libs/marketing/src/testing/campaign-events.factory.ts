import type { RecordedEvent } from '@crm/eventsourcing';
import type { AudienceRule } from '../domain/audience-rule';
import type {
  CampaignEvent,
  ConversionRecorded,
  ConversionReversed,
  ResponseKind,
} from '../domain/campaign';
import { campaignStreamId } from '../domain/campaign';
import { audienceChunksOf } from '../domain/campaign.decider';

export const CAMPAIGN_ID = '5a0c6c1e-2f4b-4d8e-9a1b-3c5d7e9f0a2b';
export const T0 = '2026-03-01T09:00:00.000Z';
const DAY = 86_400_000;

/** An instant `days` (fractions allowed) after T0. */
export const day = (days: number): string => new Date(Date.parse(T0) + days * DAY).toISOString();

export const tagRule = (...tags: string[]): AudienceRule => ({
  tags: { match: 'any', values: tags.length > 0 ? tags : ['vip'] },
  segment: null,
  value: null,
  lastOrder: null,
});

const on = (campaignId: string) => ({ campaignId });

/** Planned for days 1–11 with a 7-day window: orders may convert from launch to day 18. */
export const planned = (campaignId = CAMPAIGN_ID, cost = 10_000): CampaignEvent => ({
  type: 'CampaignPlanned',
  data: {
    ...on(campaignId),
    name: 'Spring sale',
    channel: 'email',
    cost: { amount: cost, currency: 'EUR' },
    startsAt: day(1),
    endsAt: day(11),
    attributionWindowDays: 7,
    audience: tagRule('vip'),
    plannedAt: T0,
  },
});

export const launched = (
  customerIds: string[] = ['c-1', 'c-2', 'c-3'],
  at = day(1),
  campaignId = CAMPAIGN_ID,
): CampaignEvent => ({
  type: 'CampaignLaunched',
  data: {
    ...on(campaignId),
    audience: { kind: 'inline', customerIds, count: customerIds.length, resolvedAtPosition: 42 },
    launchedAt: at,
    attributionEndsAt: day(18),
  },
});

/** The audience in chunks under `digest`, then the launch naming them (schema version 2). */
export const launchedInChunks = (
  customerIds: string[],
  digest = 'sha256:test-audience',
  at = day(1),
  campaignId = CAMPAIGN_ID,
): CampaignEvent[] => {
  const chunks = audienceChunksOf(customerIds);
  return [
    ...chunks.map((ids, chunk): CampaignEvent => ({
      type: 'CampaignAudienceRecorded',
      data: {
        ...on(campaignId),
        audienceDigest: digest,
        chunk,
        chunks: chunks.length,
        customerIds: ids,
      },
    })),
    {
      type: 'CampaignLaunched',
      data: {
        ...on(campaignId),
        audience: {
          kind: 'chunked',
          digest,
          chunks: chunks.length,
          count: chunks.reduce((sum, ids) => sum + ids.length, 0),
          resolvedAtPosition: 42,
        },
        launchedAt: at,
        attributionEndsAt: day(18),
      },
    },
  ];
};

export const responded = (
  customerId: string,
  kind: ResponseKind,
  campaignId = CAMPAIGN_ID,
): CampaignEvent => ({
  type: 'ResponseRecorded',
  data: { ...on(campaignId), customerId, kind, respondedAt: day(2) },
});

export const converted = (
  orderId: string,
  amount: number,
  overrides: Partial<ConversionRecorded['data']> = {},
): ConversionRecorded => ({
  type: 'ConversionRecorded',
  data: {
    ...on(CAMPAIGN_ID),
    orderId,
    customerId: 'c-1',
    amount,
    currency: 'EUR',
    placedAt: day(3),
    attribution: 'last_touch',
    ...overrides,
  },
});

/** A refund's reversal, or (fully) a cancellation's. */
export const reversed = (
  orderId: string,
  amount: number,
  fully: boolean,
  overrides: Partial<ConversionReversed['data']> = {},
): ConversionReversed => ({
  type: 'ConversionReversed',
  data: {
    ...on(CAMPAIGN_ID),
    orderId,
    customerId: 'c-1',
    amount,
    currency: 'EUR',
    reason: fully ? 'order_cancelled' : 'refund',
    fully,
    reversedAt: day(4),
    ...overrides,
  },
});

export const completed = (campaignId = CAMPAIGN_ID): CampaignEvent => ({
  type: 'CampaignCompleted',
  data: { ...on(campaignId), completedAt: day(12) },
});

export const cancelled = (at = day(5), campaignId = CAMPAIGN_ID): CampaignEvent => ({
  type: 'CampaignCancelled',
  data: { ...on(campaignId), cancelledAt: at },
});

let position = 0;

/** Any event as a projection receives it, at the next global position. */
export const recorded = (
  event: { type: string; data: Record<string, unknown> },
  streamId = campaignStreamId(String(event.data.campaignId ?? event.data.orderId)),
): RecordedEvent => {
  position += 1;
  const customerId = event.data.customerId;
  return {
    streamId,
    revision: 0,
    position,
    type: event.type,
    data: event.data,
    metadata: {
      eventId: `event-${position}`,
      commandId: `command-${position}`,
      correlationId: `correlation-${position}`,
      causationId: `command-${position}`,
      actor: { id: 'test', role: 'service' },
      occurredAt: T0,
      schemaVersion: 1,
      ...(typeof customerId === 'string' ? { customerId } : {}),
    },
    recordedAt: T0,
  };
};
