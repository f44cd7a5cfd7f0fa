import type {
  CommandContext,
  CommandRunner,
  Projection,
  ProjectionContext,
  RecordedEvent,
} from '@crm/eventsourcing';
import { DomainErrorException } from '@crm/eventsourcing';
import type { OrderCancelled, OrderPlaced, RefundIssued } from '@crm/sales';
import type { AttributionChoice, LaunchedCampaign } from '../../domain/attribution-rule';
import { chooseCampaign, coversOrder } from '../../domain/attribution-rule';
import type {
  CampaignAudienceRecorded,
  CampaignCancelled,
  CampaignLaunched,
} from '../../domain/campaign';
import type { CampaignCommand } from '../../domain/campaign.decider';
import { runCampaignCommand } from '../campaign-runner';
import type {
  AttributedOrderDocument,
  AttributionProgressDocument,
  CustomerCampaignsDocument,
  LaunchedCampaignDocument,
} from './attribution.documents';
import {
  ATTRIBUTION_AUDIENCES,
  ATTRIBUTION_CAMPAIGNS,
  ATTRIBUTION_ORDERS,
  ATTRIBUTION_PROGRESS,
  ATTRIBUTION_PROJECTION,
  PROGRESS_ID,
} from './attribution.documents';

type SagaEvent =
  | CampaignAudienceRecorded
  | CampaignLaunched
  | CampaignCancelled
  | OrderPlaced
  | OrderCancelled
  | RefundIssued;

export const ATTRIBUTION_EVENT_TYPES: readonly SagaEvent['type'][] = [
  'CampaignAudienceRecorded',
  'CampaignLaunched',
  'CampaignCancelled',
  'OrderPlaced',
  'OrderCancelled',
  'RefundIssued',
];

export const ATTRIBUTION_ACTOR = { id: 'campaign-attribution', role: 'system' };

/** Campaigns whose window closed this long before an order are dropped from the customer's list. */
const PRUNE_AFTER_MS = 86_400_000;

/**
 * The command's context derives from the triggering event: the same event always yields the
 * same Idempotency-Key, so after a crash the replayed command appends nothing twice.
 */
const contextFor = (trigger: RecordedEvent): CommandContext => ({
  actor: ATTRIBUTION_ACTOR,
  correlationId: trigger.metadata.correlationId,
  causationId: trigger.metadata.eventId,
  idempotencyKey: `attribution:${trigger.metadata.eventId}`,
});

/** A business refusal is an outcome; a conflict that outlived the retries is not. */
const isRefusal = (error: unknown): error is DomainErrorException =>
  error instanceof DomainErrorException && error.error.code !== 'CONCURRENT_MODIFICATION';

const send = async (
  runner: CommandRunner,
  command: CampaignCommand,
  trigger: RecordedEvent,
  context: ProjectionContext,
): Promise<string | null> => {
  try {
    const result = await runCampaignCommand(runner, command, contextFor(trigger));
    await noteAppended(context, result.position);
    return null;
  } catch (error) {
    if (isRefusal(error)) return error.error.code;
    throw error;
  }
};

const noteAppended = async (context: ProjectionContext, position: number): Promise<void> => {
  const progress = await context.get<AttributionProgressDocument>(
    ATTRIBUTION_PROGRESS,
    PROGRESS_ID,
  );
  if ((progress?.appendedPosition ?? 0) >= position) return;
  context.put(ATTRIBUTION_PROGRESS, { _id: PROGRESS_ID, appendedPosition: position });
};

/** Each id of the chunk joins the audience of its digest, which counts once that is launched. */
const rememberChunk = async (event: RecordedEvent, context: ProjectionContext): Promise<void> => {
  const { campaignId, audienceDigest, customerIds } = (event as unknown as CampaignAudienceRecorded)
    .data;
  for (const customerId of customerIds) {
    const current = await context.get<CustomerCampaignsDocument>(ATTRIBUTION_AUDIENCES, customerId);
    const audiences = current?.audiences ?? [];
    if (audiences.some((a) => a.campaignId === campaignId && a.digest === audienceDigest)) continue;
    context.put(ATTRIBUTION_AUDIENCES, {
      _id: customerId,
      campaignIds: current?.campaignIds ?? [],
      audiences: [...audiences, { campaignId, digest: audienceDigest }],
    });
  }
};

const rememberLaunch = async (event: RecordedEvent, context: ProjectionContext): Promise<void> => {
  const { campaignId, launchedAt, attributionEndsAt, audience } = (
    event as unknown as CampaignLaunched
  ).data;
  const launched: LaunchedCampaignDocument = {
    _id: campaignId,
    campaignId,
    launchedAt,
    attributionEndsAt,
    cancelledAt: null,
    launchPosition: event.position,
    audienceDigest: audience.kind === 'chunked' ? audience.digest : null,
  };
  context.put(ATTRIBUTION_CAMPAIGNS, launched);
  // A chunked audience was indexed chunk by chunk; an inline one (schema v1) is indexed here.
  if (audience.kind === 'chunked') return;
  for (const customerId of audience.customerIds) {
    const current = await context.get<CustomerCampaignsDocument>(ATTRIBUTION_AUDIENCES, customerId);
    const campaignIds = current?.campaignIds ?? [];
    if (campaignIds.includes(campaignId)) continue;
    context.put(ATTRIBUTION_AUDIENCES, {
      ...current,
      _id: customerId,
      campaignIds: [...campaignIds, campaignId],
    });
  }
};

const rememberCancellation = async (event: RecordedEvent, context: ProjectionContext) => {
  const { campaignId, cancelledAt } = (event as unknown as CampaignCancelled).data;
  const launched = await context.get<LaunchedCampaignDocument>(ATTRIBUTION_CAMPAIGNS, campaignId);
  if (launched) context.put(ATTRIBUTION_CAMPAIGNS, { ...launched, cancelledAt });
};

const launchedCampaign = (context: ProjectionContext, campaignId: string) =>
  context.get<LaunchedCampaignDocument>(ATTRIBUTION_CAMPAIGNS, campaignId);

/** A membership from chunks counts when its campaign launched that very audience. */
const launchedAudience = (
  campaign: LaunchedCampaignDocument | null,
  digest: string,
): campaign is LaunchedCampaignDocument => campaign !== null && campaign.audienceDigest === digest;

/** The customer's audience campaigns, dropping those whose window closed well before `at`. */
const audienceCampaigns = async (
  context: ProjectionContext,
  customerId: string,
  at: string,
): Promise<LaunchedCampaign[]> => {
  const entry = await context.get<CustomerCampaignsDocument>(ATTRIBUTION_AUDIENCES, customerId);
  if (!entry) return [];
  const inline = await Promise.all(entry.campaignIds.map((id) => launchedCampaign(context, id)));
  const memberships = entry.audiences ?? [];
  const chunked = await Promise.all(
    memberships.map((m) => launchedCampaign(context, m.campaignId)),
  );
  const isCurrent = (c: LaunchedCampaignDocument) =>
    coversOrder(c, at) || Date.parse(c.attributionEndsAt) + PRUNE_AFTER_MS > Date.parse(at);
  const current = inline.filter((c): c is LaunchedCampaignDocument => c !== null && isCurrent(c));
  // A campaign launches once: chunks of another audience than the launched one never count.
  const kept = memberships.filter((m, i) => {
    const campaign = chunked[i] ?? null;
    return campaign === null || (launchedAudience(campaign, m.digest) && isCurrent(campaign));
  });
  if (current.length < entry.campaignIds.length || kept.length < memberships.length) {
    context.put(ATTRIBUTION_AUDIENCES, {
      ...entry,
      campaignIds: current.map((c) => c.campaignId),
      audiences: kept,
    });
  }
  const fromChunks = memberships
    .map((m, i) => ({ m, campaign: chunked[i] ?? null }))
    .filter(({ m, campaign }) => launchedAudience(campaign, m.digest))
    .map(({ campaign }) => campaign as LaunchedCampaignDocument)
    .filter(isCurrent);
  return [...current, ...fromChunks];
};

const choose = async (
  order: OrderPlaced['data'],
  context: ProjectionContext,
): Promise<AttributionChoice | null> => {
  const named = order.campaignId ? await launchedCampaign(context, order.campaignId) : null;
  const candidates = await audienceCampaigns(context, order.customerId, order.placedAt);
  return chooseCampaign(order.placedAt, named, candidates);
};

const attribute = async (
  event: RecordedEvent,
  context: ProjectionContext,
  runner: () => CommandRunner,
): Promise<void> => {
  const order = (event as unknown as OrderPlaced).data;
  const earlier = await context.get<AttributedOrderDocument>(ATTRIBUTION_ORDERS, order.orderId);
  // Already decided at this very event (a store without transactions kept the document but not
  // the checkpoint): send that decision again rather than deciding anew.
  const choice =
    earlier && earlier._position >= event.position ? earlier : await choose(order, context);
  if (!choice) return;
  const refusal = await send(
    runner(),
    {
      type: 'RecordConversion',
      campaignId: choice.campaignId,
      orderId: order.orderId,
      customerId: order.customerId,
      value: { amount: order.total, currency: order.currency },
      placedAt: order.placedAt,
      attribution: choice.attribution,
    },
    event,
    context,
  );
  const document: AttributedOrderDocument = {
    _id: order.orderId,
    orderId: order.orderId,
    customerId: order.customerId,
    campaignId: choice.campaignId,
    attribution: choice.attribution,
    outcome: refusal ? 'refused' : 'recorded',
    refusal,
    _position: event.position,
  };
  context.put(ATTRIBUTION_ORDERS, document);
};

const reverse = async (
  event: RecordedEvent,
  context: ProjectionContext,
  runner: () => CommandRunner,
): Promise<void> => {
  const undo = event as unknown as OrderCancelled | RefundIssued;
  const attributed = await context.get<AttributedOrderDocument>(
    ATTRIBUTION_ORDERS,
    undo.data.orderId,
  );
  if (attributed?.outcome !== 'recorded') return;
  const command: CampaignCommand =
    undo.type === 'OrderCancelled'
      ? {
          type: 'ReverseConversion',
          campaignId: attributed.campaignId,
          orderId: attributed.orderId,
          amount: null,
          reason: 'order_cancelled',
          at: undo.data.cancelledAt,
        }
      : {
          type: 'ReverseConversion',
          campaignId: attributed.campaignId,
          orderId: attributed.orderId,
          amount: undo.data.amount,
          reason: 'refund',
          at: undo.data.refundedAt,
        };
  await send(runner(), command, event, context);
};

/**
 * The attribution process manager, run as a projection so the projector runner gives it a
 * checkpoint, catch-up and restarts. It credits an order to one launched campaign (see
 * `chooseCampaign`) by appending a conversion to that campaign's stream, and takes it back on
 * refunds and cancellation. Every command carries an Idempotency-Key derived from the event that
 * caused it, and the campaign itself counts an order once: a crash between appending and
 * committing the checkpoint replays the batch without a second conversion.
 */
export const createAttributionSaga = (runner: () => CommandRunner): Projection => ({
  name: ATTRIBUTION_PROJECTION,
  collections: [
    { name: ATTRIBUTION_CAMPAIGNS },
    { name: ATTRIBUTION_AUDIENCES },
    { name: ATTRIBUTION_ORDERS },
    { name: ATTRIBUTION_PROGRESS },
  ],
  handles: ATTRIBUTION_EVENT_TYPES,
  async apply(event, context) {
    switch (event.type as SagaEvent['type']) {
      case 'CampaignAudienceRecorded':
        return rememberChunk(event, context);
      case 'CampaignLaunched':
        return rememberLaunch(event, context);
      case 'CampaignCancelled':
        return rememberCancellation(event, context);
      case 'OrderPlaced':
        return attribute(event, context, runner);
      case 'OrderCancelled':
      case 'RefundIssued':
        return reverse(event, context, runner);
      default:
        return undefined;
    }
  },
});
