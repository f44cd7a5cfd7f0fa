import { EmbeddedDocumentStore } from '@crm/documents';
import type { CommandContext, Projection } from '@crm/eventsourcing';
import { CommandRunner, ProjectorRunner, SqliteEventStore } from '@crm/eventsourcing';
import type { OrderCommand } from '@crm/sales';
import { orderDecider, orderStreamId } from '@crm/sales';
import { ATTRIBUTION_PROJECTION } from '../application/attribution/attribution.documents';
import { audienceDigest } from '../application/audience-digest';
import { recordAudienceChunks, runCampaignCommand } from '../application/campaign-runner';
import { campaignStreamId } from '../domain/campaign';
import { CAMPAIGNS_PROJECTION } from '../projections/campaigns/campaign.document';
import { campaignsProjection } from '../projections/campaigns/campaigns.projection';
import { day, tagRule } from './campaign-events.factory';

const service: CommandContext = { actor: { id: 'svc', role: 'service' }, correlationId: 'test' };

/** An event store, a document store and the writes the saga reacts to, without HTTP. */
export const attributionWorld = () => {
  const events = new SqliteEventStore({ filename: ':memory:', pollIntervalMs: 5 });
  const documents = new EmbeddedDocumentStore({ filename: ':memory:' });
  const commands = new CommandRunner(events);

  const order = (command: OrderCommand) =>
    commands.run(orderDecider, command, {
      streamId: orderStreamId(command.orderId),
      context: service,
      commandType: command.type,
      customerId: (event) => event.data.customerId,
    });

  const plan = (campaignId: string, cost = 10_000) =>
    runCampaignCommand(
      commands,
      {
        type: 'PlanCampaign',
        campaignId,
        name: campaignId,
        channel: 'email',
        cost: { amount: cost, currency: 'EUR' },
        startsAt: day(1),
        endsAt: day(11),
        attributionWindowDays: 7,
        audience: tagRule('vip'),
        at: day(0),
      },
      service,
    );

  return {
    events,
    documents,
    commands,
    plan,
    async launch(campaignId: string, audience: string[], launchAt = day(1), cost = 10_000) {
      await plan(campaignId, cost);
      const recorded = { customerIds: audience, audienceDigest: audienceDigest(audience) };
      await recordAudienceChunks(commands, campaignId, recorded, launchAt, service);
      await runCampaignCommand(
        commands,
        { type: 'LaunchCampaign', campaignId, ...recorded, resolvedAtPosition: 0, at: launchAt },
        service,
      );
    },
    cancelCampaign: (campaignId: string, at: string) =>
      runCampaignCommand(commands, { type: 'CancelCampaign', campaignId, at }, service),
    place: (
      orderId: string,
      customerId: string,
      total: number,
      at = day(3),
      campaignId: string | null = null,
      /** The won deal that placed it (a win's order carries the deal's campaign). */
      opportunityId?: string,
    ) =>
      order({
        type: 'PlaceOrder',
        orderId,
        customerId,
        currency: 'EUR',
        lines: [{ sku: 'SKU-1', quantity: 1, unitPrice: total }],
        campaignId,
        ...(opportunityId === undefined ? {} : { opportunityId }),
        at,
      }),
    pay: (orderId: string, amount: number) =>
      order({ type: 'RecordPayment', orderId, amount: { amount, currency: 'EUR' }, at: day(4) }),
    refund: (orderId: string, amount: number) =>
      order({
        type: 'IssueRefund',
        orderId,
        amount: { amount, currency: 'EUR' },
        reason: null,
        at: day(5),
      }),
    cancelOrder: (orderId: string) =>
      order({ type: 'CancelOrder', orderId, reason: 'customer_request', at: day(5) }),
    async campaignEvents(campaignId: string, type: string) {
      const stream = await events.readStream(campaignStreamId(campaignId));
      return stream.filter((event) => event.type === type);
    },
    projector: (saga: Projection) =>
      new ProjectorRunner(events, documents, [saga, campaignsProjection], { maxBackoffMs: 20 }),
    /** Until the saga and the campaigns read model have applied everything, its appends included. */
    async settle(runner: ProjectorRunner) {
      for (;;) {
        const head = await events.headPosition();
        const names = [ATTRIBUTION_PROJECTION, CAMPAIGNS_PROJECTION];
        if (!(await runner.waitFor(names, head, 5000))) throw new Error('projectors stalled');
        if ((await events.headPosition()) === head) return;
      }
    },
    async close() {
      await events.close();
      await documents.close();
    },
  };
};
