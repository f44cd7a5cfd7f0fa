import type { DomainEvent } from '@crm/eventsourcing';
import type { Money } from '@crm/sales';
import type { AudienceRule } from './audience-rule';

export const campaignStreamId = (campaignId: string): string => `campaign-${campaignId}`;

export const CAMPAIGN_CHANNELS = [
  'email',
  'sms',
  'push',
  'direct_mail',
  'phone',
  'social',
  'web',
] as const;
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];

export const RESPONSE_KINDS = ['opened', 'clicked', 'replied', 'unsubscribed'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];

export const CAMPAIGN_STATUSES = ['planned', 'launched', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** The order named the campaign, or the last-touch rule chose it (see the attribution saga). */
export type Attribution = 'explicit' | 'last_touch';
export type ReversalReason = 'refund' | 'order_cancelled';

export type CampaignPlanned = DomainEvent<
  'CampaignPlanned',
  {
    campaignId: string;
    name: string;
    channel: CampaignChannel;
    cost: Money;
    startsAt: string;
    endsAt: string;
    attributionWindowDays: number;
    audience: AudienceRule;
    plannedAt: string;
  }
>;
/** Ids per audience chunk: about 39 KB of JSON for uuids, so every event stays far below 1 MiB. */
export const AUDIENCE_CHUNK_SIZE = 1_000;

/**
 * One slice of a launch's audience (sorted ids, chunk `chunk` of `chunks`), recorded before the
 * launch itself. `audienceDigest` names the whole audience it belongs to: chunks of an attempt
 * that resolved another audience never mix in, and a retry of the same audience adds none twice.
 */
export type CampaignAudienceRecorded = DomainEvent<
  'CampaignAudienceRecorded',
  {
    campaignId: string;
    audienceDigest: string;
    chunk: number;
    chunks: number;
    customerIds: string[];
  }
>;
/** Schema version 1: every id in the launch event (only small audiences were ever written so). */
export type InlineAudience = {
  kind: 'inline';
  customerIds: string[];
  count: number;
  resolvedAtPosition: number;
};
/** Schema version 2: the ids are in the `chunks` CampaignAudienceRecorded events of `digest`. */
export type ChunkedAudience = {
  kind: 'chunked';
  digest: string;
  chunks: number;
  count: number;
  resolvedAtPosition: number;
};
/** The audience as resolved at launch: later segment moves never change it. */
export type CampaignLaunched = DomainEvent<
  'CampaignLaunched',
  {
    campaignId: string;
    audience: InlineAudience | ChunkedAudience;
    launchedAt: string;
    /** endsAt + attributionWindowDays: orders placed from launch to here may convert. */
    attributionEndsAt: string;
  }
>;
export type ResponseRecorded = DomainEvent<
  'ResponseRecorded',
  { campaignId: string; customerId: string; kind: ResponseKind; respondedAt: string }
>;
/** `amount` in minor units of `currency`: the order's total when it was placed. */
export type ConversionRecorded = DomainEvent<
  'ConversionRecorded',
  {
    campaignId: string;
    orderId: string;
    customerId: string;
    amount: number;
    currency: string;
    placedAt: string;
    attribution: Attribution;
  }
>;
/** `amount` leaves the attributed revenue; `fully` means the conversion no longer counts. */
export type ConversionReversed = DomainEvent<
  'ConversionReversed',
  {
    campaignId: string;
    orderId: string;
    customerId: string;
    amount: number;
    currency: string;
    reason: ReversalReason;
    fully: boolean;
    reversedAt: string;
  }
>;
export type CampaignCompleted = DomainEvent<
  'CampaignCompleted',
  { campaignId: string; completedAt: string }
>;
export type CampaignCancelled = DomainEvent<
  'CampaignCancelled',
  { campaignId: string; cancelledAt: string }
>;

/** The published contract of the marketing context. No personal data: ids, codes, amounts. */
export type CampaignEvent =
  | CampaignPlanned
  | CampaignAudienceRecorded
  | CampaignLaunched
  | ResponseRecorded
  | ConversionRecorded
  | ConversionReversed
  | CampaignCompleted
  | CampaignCancelled;

export const CAMPAIGN_EVENT_TYPES: readonly CampaignEvent['type'][] = [
  'CampaignPlanned',
  'CampaignAudienceRecorded',
  'CampaignLaunched',
  'ResponseRecorded',
  'ConversionRecorded',
  'ConversionReversed',
  'CampaignCompleted',
  'CampaignCancelled',
];

export type CampaignPlan = Omit<CampaignPlanned['data'], 'audience' | 'plannedAt'> & {
  audienceRule: AudienceRule;
};

/** Current schema version of each campaign event type that has had more than one. */
export const CAMPAIGN_SCHEMA_VERSIONS = { CampaignLaunched: 2 } as const;

/** Version 1 → 2: a launch event that carried its ids inline says so (see ADR 0021). */
export const upcastCampaignLaunchedV1 = (
  data: Record<string, unknown>,
): Record<string, unknown> => {
  const audience = data.audience as Record<string, unknown> | undefined;
  return audience && audience.kind === undefined
    ? { ...data, audience: { ...audience, kind: 'inline' } }
    : data;
};

/** Audience chunks recorded before a launch: digest → chunk index → its ids. */
export type AudienceDrafts = Readonly<Record<string, Readonly<Record<number, readonly string[]>>>>;

/** A counted order: what of its value is still attributed, and whether it still counts. */
export type Conversion = { customerId: string; currency: string; remaining: number; live: boolean };

/** What a launch fixed: the audience and the window; and the conversions since. */
export type CampaignLaunch = {
  launchedAt: string;
  attributionEndsAt: string;
  audience: ReadonlySet<string>;
  conversions: Readonly<Record<string, Conversion>>;
};

export type CampaignState =
  | { status: 'none' }
  | (CampaignPlan & { status: 'planned'; drafts: AudienceDrafts })
  | (CampaignPlan & { status: 'launched'; launch: CampaignLaunch })
  | (CampaignPlan & { status: 'completed'; launch: CampaignLaunch; completedAt: string })
  | (CampaignPlan & { status: 'cancelled'; launch: CampaignLaunch | null; cancelledAt: string });

export type ExistingCampaign = Exclude<CampaignState, { status: 'none' }>;

export const initialCampaignState: CampaignState = { status: 'none' };

export const launchOf = (state: CampaignState): CampaignLaunch | null =>
  state.status === 'none' || state.status === 'planned' ? null : state.launch;

const withConversion = (
  state: CampaignState,
  orderId: string,
  conversion: Conversion,
): CampaignState => {
  const launch = launchOf(state);
  if (!launch || state.status === 'none' || state.status === 'planned') return state;
  const conversions = { ...launch.conversions, [orderId]: conversion };
  return { ...state, launch: { ...launch, conversions } };
};

const withChunk = (state: CampaignState, event: CampaignAudienceRecorded): CampaignState => {
  if (state.status !== 'planned') return state;
  const { audienceDigest, chunk, customerIds } = event.data;
  const chunks = { ...state.drafts[audienceDigest], [chunk]: customerIds };
  return { ...state, drafts: { ...state.drafts, [audienceDigest]: chunks } };
};

/** The launched audience: inline (v1), or the chunks recorded under its digest before it. */
const audienceOf = (state: CampaignState, audience: CampaignLaunched['data']['audience']) => {
  if (audience.kind !== 'chunked') return new Set(audience.customerIds);
  const chunks = state.status === 'planned' ? (state.drafts[audience.digest] ?? {}) : {};
  const ids = new Set<string>();
  for (let index = 0; index < audience.chunks; index += 1) {
    for (const id of chunks[index] ?? []) ids.add(id);
  }
  return ids;
};

const reversed = (state: CampaignState, event: ConversionReversed): CampaignState => {
  const { orderId, amount, fully } = event.data;
  const conversion = launchOf(state)?.conversions[orderId];
  if (!conversion) return state;
  const remaining = conversion.remaining - amount;
  return withConversion(state, orderId, { ...conversion, remaining, live: !fully });
};

export const evolveCampaign = (state: CampaignState, event: CampaignEvent): CampaignState => {
  if (event.type === 'CampaignPlanned') {
    const { audience, plannedAt: _plannedAt, ...plan } = event.data;
    return { ...plan, audienceRule: audience, status: 'planned', drafts: {} };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'CampaignAudienceRecorded':
      return withChunk(state, event);
    case 'CampaignLaunched': {
      // Only a planned campaign launches: its drafts make the audience, then go.
      if (state.status !== 'planned') return state;
      const { launchedAt, attributionEndsAt, audience } = event.data;
      const launch = {
        launchedAt,
        attributionEndsAt,
        audience: audienceOf(state, audience),
        conversions: {},
      };
      const { drafts: _drafts, ...plan } = state;
      return { ...plan, status: 'launched', launch };
    }
    case 'ResponseRecorded':
      return state;
    case 'ConversionRecorded': {
      const { orderId, customerId, currency, amount } = event.data;
      return withConversion(state, orderId, {
        customerId,
        currency,
        remaining: amount,
        live: true,
      });
    }
    case 'ConversionReversed':
      return reversed(state, event);
    case 'CampaignCompleted':
      return state.status === 'launched'
        ? { ...state, status: 'completed', completedAt: event.data.completedAt }
        : state;
    case 'CampaignCancelled':
      return {
        ...state,
        status: 'cancelled',
        launch: launchOf(state),
        cancelledAt: event.data.cancelledAt,
      };
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
};
