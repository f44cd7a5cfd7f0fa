import type { CommandRunner, ProjectorRunner } from '@crm/eventsourcing';
import { DomainErrorException, domainError, InMemoryProjectionContext } from '@crm/eventsourcing';
import type { CampaignDocument } from '../../projections/campaigns/campaign.document';
import { CAMPAIGNS } from '../../projections/campaigns/campaign.document';
import { campaignResults } from '../../projections/campaigns/campaign-results';
import { day, recorded } from '../../testing/campaign-events.factory';
import { attributionWorld } from '../../testing/attribution-world';
import { ATTRIBUTION_ORDERS, ATTRIBUTION_PROJECTION } from './attribution.documents';
import { createAttributionSaga } from './attribution.saga';
import { AttributionSagaNotConnectedError, attributionSaga } from './attribution-saga.connection';

describe('the attribution saga', () => {
  let world: ReturnType<typeof attributionWorld>;
  let runner: ProjectorRunner;

  const start = async (commands: () => CommandRunner = () => world.commands) => {
    runner = world.projector(createAttributionSaga(commands));
    await runner.start();
  };
  const conversions = async (campaignId: string) =>
    (await world.campaignEvents(campaignId, 'ConversionRecorded')).map((e) => e.data.orderId);
  const results = async (campaignId: string) => {
    const document = await world.documents.get<CampaignDocument>(CAMPAIGNS, campaignId);
    if (!document) throw new Error(`no campaign ${campaignId}`);
    return campaignResults(document);
  };

  beforeEach(() => {
    world = attributionWorld();
  });
  afterEach(async () => {
    await runner.stop();
    await world.close();
  });

  it('credits an audience member’s order to the most recently launched campaign only', async () => {
    await world.launch('spring', ['ada', 'bob'], day(1));
    await world.launch('flash', ['ada'], day(2));
    await world.place('o-ada', 'ada', 5_000, day(3));
    await world.place('o-bob', 'bob', 7_000, day(3));
    await world.place('o-eve', 'eve', 9_000, day(3));
    await start();
    await world.settle(runner);
    expect(await conversions('flash')).toEqual(['o-ada']);
    expect(await conversions('spring')).toEqual(['o-bob']);
  });

  it('lets the campaign an order names win, even outside its audience', async () => {
    await world.launch('spring', ['ada'], day(1));
    await world.launch('flash', ['ada'], day(2));
    await world.place('o-1', 'ada', 5_000, day(3), 'spring');
    await world.place('o-2', 'eve', 4_000, day(3), 'flash');
    await start();
    await world.settle(runner);
    expect(await conversions('spring')).toEqual(['o-1']);
    expect(await conversions('flash')).toEqual(['o-2']);
    const [explicit] = await world.campaignEvents('flash', 'ConversionRecorded');
    expect(explicit?.data).toMatchObject({ attribution: 'explicit', customerId: 'eve' });
    expect(explicit?.metadata).toMatchObject({
      customerId: 'eve',
      actor: { id: 'campaign-attribution' },
    });
  });

  it('credits a won deal’s order to the deal’s campaign over a later touch, while that window covers it', async () => {
    // The deal came from spring (ada is not in its audience); ada is in flash's, launched later.
    await world.launch('spring', ['bob'], day(1));
    await world.launch('flash', ['ada'], day(2));
    await world.plan('draft');
    await world.place('o-win', 'ada', 12_000, day(3), 'spring', 'op-1');
    await world.cancelCampaign('spring', day(4));
    // Spring's window closed at its cancellation; draft was never launched: last touch decides.
    await world.place('o-after-cancel', 'ada', 3_000, day(5), 'spring', 'op-2');
    await world.place('o-draft', 'ada', 2_000, day(5), 'draft', 'op-3');
    // Past every window (flash's ends on day 18): no campaign at all.
    await world.place('o-late', 'ada', 1_000, day(19), 'spring', 'op-4');
    await start();
    await world.settle(runner);
    const attributed = async (campaignId: string) =>
      (await world.campaignEvents(campaignId, 'ConversionRecorded')).map((e) => [
        e.data.orderId,
        e.data.attribution,
      ]);
    expect(await attributed('spring')).toEqual([['o-win', 'explicit']]);
    expect(await attributed('flash')).toEqual([
      ['o-after-cancel', 'last_touch'],
      ['o-draft', 'last_touch'],
    ]);
    expect(await world.campaignEvents('draft', 'ConversionRecorded')).toEqual([]);
    expect(await world.documents.get(ATTRIBUTION_ORDERS, 'o-late')).toBeNull();
  });

  it('ignores orders outside the window: before launch, after the end, after a cancellation', async () => {
    await world.place('o-early', 'ada', 1_000, day(0.5));
    await world.launch('spring', ['ada'], day(1));
    await world.place('o-late', 'ada', 1_000, day(19));
    await world.launch('summer', ['bob'], day(1));
    await world.cancelCampaign('summer', day(4));
    await world.place('o-after-cancel', 'bob', 1_000, day(5));
    await start();
    await world.settle(runner);
    expect(await conversions('spring')).toEqual([]);
    expect(await conversions('summer')).toEqual([]);
  });

  it('takes refunds off the revenue and reverses cancelled or fully refunded orders', async () => {
    await world.launch('spring', ['ada', 'bob', 'cy'], day(1), 10_000);
    await world.place('o-1', 'ada', 8_000);
    await world.place('o-2', 'bob', 6_000);
    await world.place('o-3', 'cy', 3_000);
    await world.place('o-4', 'cy', 2_000);
    await world.pay('o-1', 8_000);
    await world.refund('o-1', 3_000);
    await world.cancelOrder('o-2');
    await world.pay('o-3', 3_000);
    await world.refund('o-3', 3_000);
    await start();
    await world.settle(runner);
    // Live: o-1 (8000 − 3000) and o-4 2000 → revenue 7000, ROI (7000 − 10000) / 10000 = −0.3
    expect(await results('spring')).toMatchObject({
      audienceSize: 3,
      conversions: 2,
      conversionRate: 0.6667,
      byCurrency: [
        { currency: 'EUR', conversions: 2, attributedRevenue: { amount: 7_000 }, roi: -0.3 },
      ],
    });
    const reversals = await world.campaignEvents('spring', 'ConversionReversed');
    expect(reversals.map((e) => [e.data.orderId, e.data.amount, e.data.fully])).toEqual([
      ['o-1', 3_000, false],
      ['o-2', 6_000, true],
      ['o-3', 3_000, true],
    ]);
  });

  it('appends nothing twice when it crashes after appending and replays its batch', async () => {
    await world.launch('spring', ['ada', 'bob'], day(1));
    for (let i = 0; i < 10; i += 1) await world.place(`o-${i}`, i % 2 ? 'ada' : 'bob', 1_000 + i);
    await world.cancelOrder('o-3');
    let sent = 0;
    let crashes = 0;
    // Dies right after the 4th and the 9th append, before the batch (and checkpoint) commits.
    const crashing = {
      run: async (...args: Parameters<CommandRunner['run']>) => {
        const result = await world.commands.run(...args);
        sent += 1;
        if (sent === 4 || sent === 9) {
          crashes += 1;
          throw new Error('process died');
        }
        return result;
      },
    } as unknown as CommandRunner;
    await start(() => crashing);
    await world.settle(runner);
    expect(crashes).toBe(2);
    const recordedIds = await conversions('spring');
    expect(recordedIds.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `o-${i}`).sort());
    expect(await world.campaignEvents('spring', 'ConversionReversed')).toHaveLength(1);
    expect((await results('spring')).conversions).toBe(9);
  });

  it('appends nothing when replayed from the start with its documents lost', async () => {
    await world.launch('spring', ['ada'], day(1));
    await world.place('o-1', 'ada', 5_000);
    await world.pay('o-1', 5_000);
    await world.refund('o-1', 1_000);
    await start();
    await world.settle(runner);
    await runner.stop();
    const before = await world.events.headPosition();
    await world.documents.dropCollection(ATTRIBUTION_ORDERS);
    await world.documents.deleteCheckpoint(ATTRIBUTION_PROJECTION);
    await start();
    await world.settle(runner);
    expect(await world.events.headPosition()).toBe(before);
    expect(await world.documents.get(ATTRIBUTION_ORDERS, 'o-1')).toMatchObject({
      campaignId: 'spring',
      outcome: 'recorded',
    });
  });

  it('falls back to last touch when the campaign an order names is unknown', async () => {
    await world.launch('spring', ['ada'], day(1));
    await world.place('o-1', 'ada', 5_000, day(3), 'not-a-campaign');
    await start();
    await world.settle(runner);
    expect(await conversions('spring')).toEqual(['o-1']);
  });

  it('keeps a refusal as the outcome, moves on, and reverses nothing for that order later', async () => {
    await world.launch('spring', ['ada'], day(1));
    await world.place('o-1', 'ada', 5_000);
    await world.cancelOrder('o-1');
    await world.place('o-2', 'ada', 6_000);
    const sent: string[] = [];
    const refusingFirst = {
      run: async (...args: Parameters<CommandRunner['run']>) => {
        const command = args[1] as { type: string; orderId: string };
        sent.push(`${command.type} ${command.orderId}`);
        if (command.orderId === 'o-1') {
          throw new DomainErrorException(domainError('conflict', 'SOME_RULE', 'declined'));
        }
        return world.commands.run(...args);
      },
    } as unknown as CommandRunner;
    await start(() => refusingFirst);
    await world.settle(runner);
    expect(sent).toEqual(['RecordConversion o-1', 'RecordConversion o-2']);
    expect(await world.documents.get(ATTRIBUTION_ORDERS, 'o-1')).toMatchObject({
      outcome: 'refused',
      refusal: 'SOME_RULE',
    });
    expect(await conversions('spring')).toEqual(['o-2']);
  });

  it('refuses to work until connected to a command runner, so its batch is retried', async () => {
    runner = world.projector(createAttributionSaga(() => world.commands));
    const order = recorded({
      type: 'OrderPlaced',
      data: {
        orderId: 'o',
        customerId: 'ada',
        currency: 'EUR',
        lines: [],
        total: 0,
        campaignId: null,
        placedAt: day(3),
      },
    });
    const context = new InMemoryProjectionContext();
    await attributionSaga.apply(
      recorded({
        type: 'CampaignLaunched',
        data: {
          campaignId: 'spring',
          audience: { customerIds: ['ada'], count: 1, resolvedAtPosition: 0 },
          launchedAt: day(1),
          attributionEndsAt: day(18),
        },
      }),
      context,
    );
    await expect(attributionSaga.apply(order, context)).rejects.toBeInstanceOf(
      AttributionSagaNotConnectedError,
    );
  });
});
