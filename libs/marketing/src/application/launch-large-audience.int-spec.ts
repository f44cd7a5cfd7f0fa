import type { CommandContext, CommandRunner, ProjectorRunner } from '@crm/eventsourcing';
import { UpcasterChain } from '@crm/eventsourcing';
import { ReadModelFreshness } from '@crm/platform';
import { campaignStreamId, upcastCampaignLaunchedV1 } from '../domain/campaign';
import type { CampaignDocument } from '../projections/campaigns/campaign.document';
import { CAMPAIGNS } from '../projections/campaigns/campaign.document';
import { campaignResults } from '../projections/campaigns/campaign-results';
import { attributionWorld } from '../testing/attribution-world';
import { day } from '../testing/campaign-events.factory';
import type { CustomerCampaignsDocument } from './attribution/attribution.documents';
import { ATTRIBUTION_AUDIENCES, ATTRIBUTION_ORDERS } from './attribution/attribution.documents';
import { createAttributionSaga } from './attribution/attribution.saga';
import type { AudienceSource } from './audience-source';
import { LaunchCampaignHandler } from './campaign-command.handlers';
import { LaunchCampaignCommand } from './campaign.commands';
import { runCampaignCommand } from './campaign-runner';

const AUDIENCE = 30_000;
/** A chunk of 1,000 uuids is about 39 KB; ten of them about 390 KB: far under 1 MiB. */
const MAX_EVENT_BYTES = 48 * 1024;
const MAX_APPEND_BYTES = 512 * 1024;

const uuidOf = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const ids = (count: number, from = 0) => Array.from({ length: count }, (_, i) => uuidOf(from + i));

/** The audience source seeded directly: the ids it answers, for any rule. */
const seededSource = (audience: { ids: string[] }): AudienceSource => ({
  projections: [],
  segmentNames: [],
  liveCustomerIds: () => Promise.resolve(audience.ids),
  customerIdsInSegment: () => Promise.resolve([]),
  customerIdsByValue: () => Promise.resolve([]),
  customerIdsByLastOrder: () => Promise.resolve([]),
});

const keyed = (key: string): CommandContext => ({
  actor: { id: 'svc', role: 'service' },
  correlationId: key,
  idempotencyKey: key,
});

describe('launching a large audience on the embedded store', () => {
  let world: ReturnType<typeof attributionWorld>;
  let projector: ProjectorRunner | null = null;
  const audience = { ids: ids(AUDIENCE) };

  const handler = (runner: CommandRunner = world.commands) =>
    new LaunchCampaignHandler(
      runner,
      world.events,
      new UpcasterChain().register('CampaignLaunched', 1, upcastCampaignLaunchedV1),
      seededSource(audience),
      new ReadModelFreshness(world.documents, null, 1_000),
      () => new Date(day(1)),
    );
  const stream = (campaignId: string) => world.events.readStream(campaignStreamId(campaignId));
  const settle = async () => {
    projector = world.projector(createAttributionSaga(() => world.commands));
    await projector.start();
    await world.settle(projector);
  };
  const results = async (campaignId: string) => {
    const document = await world.documents.get<CampaignDocument>(CAMPAIGNS, campaignId);
    if (!document) throw new Error(`no campaign ${campaignId}`);
    return campaignResults(document);
  };

  beforeEach(() => {
    world = attributionWorld();
    audience.ids = ids(AUDIENCE);
  });
  afterEach(async () => {
    await projector?.stop();
    projector = null;
    await world.close();
  });

  it(`launches ${AUDIENCE} ids in appends under ${MAX_APPEND_BYTES} bytes, and attributes members' orders`, async () => {
    await world.plan('big');
    const first = await handler().execute(new LaunchCampaignCommand('big', keyed('launch-1')));

    const events = await stream('big');
    const chunks = events.filter((e) => e.type === 'CampaignAudienceRecorded');
    expect(chunks).toHaveLength(AUDIENCE / 1_000);
    const appends = new Map<string, number>();
    for (const event of events) {
      expect(Buffer.byteLength(JSON.stringify(event))).toBeLessThan(MAX_EVENT_BYTES);
      const { commandId } = event.metadata;
      appends.set(
        commandId,
        (appends.get(commandId) ?? 0) + Buffer.byteLength(JSON.stringify(event)),
      );
    }
    for (const bytes of appends.values()) expect(bytes).toBeLessThan(MAX_APPEND_BYTES);
    expect(appends.size).toBe(1 + 3 + 1); // plan, three chunk steps, launch
    expect(events.at(-1)?.data).toMatchObject({
      audience: { kind: 'chunked', chunks: 30, count: AUDIENCE },
    });

    const again = await handler().execute(new LaunchCampaignCommand('big', keyed('launch-1')));
    expect(again).toEqual(first);
    expect(await stream('big')).toHaveLength(events.length);

    await world.place('o-member', uuidOf(12_345), 5_000);
    await world.place('o-outsider', uuidOf(AUDIENCE + 7), 9_000);
    await runCampaignCommand(
      world.commands,
      {
        type: 'RecordResponse',
        campaignId: 'big',
        customerId: uuidOf(29_999),
        kind: 'opened',
        at: day(2),
      },
      keyed('respond-1'),
    );
    await settle();
    const conversions = (await stream('big')).filter((e) => e.type === 'ConversionRecorded');
    expect(conversions.map((e) => e.data)).toEqual([
      expect.objectContaining({ orderId: 'o-member', attribution: 'last_touch' }),
    ]);
    expect(await results('big')).toMatchObject({
      audienceSize: AUDIENCE,
      respondents: 1,
      conversions: 1,
    });
  });

  it('finishes a launch cut short after its first chunks, neither duplicating nor mixing audiences', async () => {
    await world.plan('big');
    let steps = 0;
    const dying = {
      run: async (...args: Parameters<CommandRunner['run']>) => {
        if ((steps += 1) > 2) throw new Error('process died');
        return world.commands.run(...args);
      },
    } as unknown as CommandRunner;
    await expect(
      handler(dying).execute(new LaunchCampaignCommand('big', keyed('launch-1'))),
    ).rejects.toThrow('process died');
    expect(await stream('big')).toHaveLength(1 + 20);

    // Resolved again, the audience has changed: 500 customers left it, 700 joined.
    audience.ids = ids(AUDIENCE + 200, 500);
    await handler().execute(new LaunchCampaignCommand('big', keyed('launch-1')));
    await handler().execute(new LaunchCampaignCommand('big', keyed('launch-1')));

    const events = await stream('big');
    const launched = events.filter((e) => e.type === 'CampaignLaunched');
    expect(launched).toHaveLength(1);
    expect(launched[0]?.data).toMatchObject({ audience: { chunks: 31, count: AUDIENCE + 200 } });
    const chunks = events.filter((e) => e.type === 'CampaignAudienceRecorded');
    const keys = chunks.map((e) => `${String(e.data.audienceDigest)}#${String(e.data.chunk)}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(chunks).toHaveLength(20 + 31);

    await world.place('o-left', uuidOf(10), 5_000);
    await world.place('o-joined', uuidOf(AUDIENCE + 100), 5_000);
    await settle();
    const conversions = (await stream('big')).filter((e) => e.type === 'ConversionRecorded');
    expect(conversions.map((e) => e.data.orderId)).toEqual(['o-joined']);
    // The saga itself never took the earlier attempt's chunks for the audience (no refused send).
    expect(await world.documents.get(ATTRIBUTION_ORDERS, 'o-left')).toBeNull();
    const left = await world.documents.get<CustomerCampaignsDocument>(
      ATTRIBUTION_AUDIENCES,
      uuidOf(10),
    );
    expect(left?.audiences).toEqual([]);
    expect(await results('big')).toMatchObject({ audienceSize: AUDIENCE + 200, conversions: 1 });
  });

  it('reads a launch stored with its ids inline (schema version 1) as before', async () => {
    await world.plan('old');
    const [plannedEvent] = await stream('old');
    await world.events.append(
      campaignStreamId('old'),
      [
        {
          type: 'CampaignLaunched',
          data: {
            campaignId: 'old',
            audience: { customerIds: ['ada', 'bob'], count: 2, resolvedAtPosition: 1 },
            launchedAt: day(1),
            attributionEndsAt: day(18),
          },
          metadata: {
            ...plannedEvent!.metadata,
            eventId: '11111111-1111-4111-8111-111111111111',
            commandId: '22222222-2222-4222-8222-222222222222',
            schemaVersion: 1,
          },
        },
      ],
      0,
    );
    await world.place('o-ada', 'ada', 4_000);
    await world.place('o-eve', 'eve', 4_000);
    await settle();
    const conversions = (await stream('old')).filter((e) => e.type === 'ConversionRecorded');
    expect(conversions.map((e) => e.data.orderId)).toEqual(['o-ada']);
    expect(await results('old')).toMatchObject({ audienceSize: 2, conversions: 1 });
  });
});
