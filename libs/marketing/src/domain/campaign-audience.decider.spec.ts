import { deciderSpec } from '@crm/eventsourcing/testing';
import { isDomainError } from '@crm/eventsourcing';
import {
  CAMPAIGN_ID,
  day,
  launched,
  launchedInChunks,
  planned,
} from '../testing/campaign-events.factory';
import type { CampaignEvent, CampaignState } from './campaign';
import { evolveCampaign, launchOf, upcastCampaignLaunchedV1 } from './campaign';
import type { CampaignCommand } from './campaign.decider';
import {
  AUDIENCE_CHUNKS_PER_APPEND,
  campaignDecider,
  decideCampaign,
  MAX_AUDIENCE,
} from './campaign.decider';

const spec = deciderSpec(campaignDecider);
const campaignId = CAMPAIGN_ID;
const DIGEST = 'sha256:test-audience';

/** Bounds for uuid ids (a 1,000-id chunk is about 39 KB): far under EventStoreDB's 1 MiB. */
const MAX_EVENT_BYTES = 48 * 1024;
const MAX_APPEND_BYTES = 512 * 1024;
const MAX_LAUNCH_EVENT_BYTES = 1024;

const bytesOf = (event: CampaignEvent): number => Buffer.byteLength(JSON.stringify(event));
/** Uuid-shaped ids (36 characters), in no particular order. */
const uuidOf = (n: number): string =>
  ((n * 2_654_435_761) % 4_294_967_296).toString(16).padStart(8, '0') +
  `-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const uuids = (count: number, from = 0): string[] =>
  Array.from({ length: count }, (_, i) => uuidOf(from + i));

const record = (customerIds: readonly string[], audienceDigest = DIGEST): CampaignCommand => ({
  type: 'RecordCampaignAudience',
  campaignId,
  audienceDigest,
  customerIds,
  at: day(1),
});
const launch = (customerIds: readonly string[], audienceDigest = DIGEST): CampaignCommand => ({
  type: 'LaunchCampaign',
  campaignId,
  audienceDigest,
  customerIds,
  resolvedAtPosition: 42,
  at: day(1),
});
const respond = (customerId: string): CampaignCommand => ({
  type: 'RecordResponse',
  campaignId,
  customerId,
  kind: 'opened',
  at: day(2),
});

/** Decides `command` and folds its events in, as one append would. */
const step = (state: CampaignState, command: CampaignCommand) => {
  const decision = decideCampaign(command, state);
  if (isDomainError(decision)) throw new Error(`${decision.code}: ${decision.message}`);
  return { events: decision, state: decision.reduce(evolveCampaign, state) };
};

describe('campaign decider: audiences in chunks', () => {
  it(`launches 100,000 ids in appends under ${MAX_APPEND_BYTES} bytes of events each under ${MAX_EVENT_BYTES}`, () => {
    const ids = uuids(MAX_AUDIENCE);
    let state = evolveCampaign(campaignDecider.initialState, planned());
    const appends: (readonly CampaignEvent[])[] = [];
    for (let i = 0; i < MAX_AUDIENCE / 1000 / AUDIENCE_CHUNKS_PER_APPEND; i += 1) {
      const next = step(state, record(ids));
      appends.push(next.events);
      state = next.state;
    }
    expect(step(state, record(ids)).events).toEqual([]);
    const last = step(state, launch(ids));
    appends.push(last.events);

    expect(appends).toHaveLength(11);
    for (const events of appends) {
      expect(events.length).toBeLessThanOrEqual(AUDIENCE_CHUNKS_PER_APPEND);
      for (const event of events) expect(bytesOf(event)).toBeLessThan(MAX_EVENT_BYTES);
      const total = events.reduce((sum, event) => sum + bytesOf(event), 0);
      expect(total).toBeLessThan(MAX_APPEND_BYTES);
    }
    const [launchEvent] = last.events;
    expect(launchEvent?.type).toBe('CampaignLaunched');
    expect(bytesOf(launchEvent!)).toBeLessThan(MAX_LAUNCH_EVENT_BYTES);
    expect(launchEvent?.data).toMatchObject({
      audience: { kind: 'chunked', digest: DIGEST, chunks: 100, count: MAX_AUDIENCE },
    });
    expect(launchOf(last.state)?.audience.size).toBe(MAX_AUDIENCE);
    expect(step(last.state, respond(ids[73_456]!)).events).toHaveLength(1);
    expect(decideCampaign(respond(uuidOf(MAX_AUDIENCE + 1)), last.state)).toMatchObject({
      code: 'NOT_IN_AUDIENCE',
    });
  });

  it('records the next missing chunks only, so a retried step adds none twice', () => {
    const ids = uuids(2_500);
    const events = launchedInChunks(ids, DIGEST);
    spec.given([planned(), events[0]!]).when(record(ids)).then(events.slice(1, 3));
    spec
      .given([planned(), ...events.slice(0, 3)])
      .when(record(ids))
      .then([]);
  });

  it('refuses to launch before every chunk is recorded', () => {
    const ids = uuids(2_500);
    const [first, second] = launchedInChunks(ids, DIGEST);
    spec
      .given([planned(), first!, second!])
      .when(launch(ids))
      .thenFails('AUDIENCE_INCOMPLETE', /2 of its 3 audience chunks/);
  });

  it('never mixes in the chunks of an audience resolved by another attempt', () => {
    const earlier = launchedInChunks(['c-9'], 'sha256:earlier').slice(0, -1);
    const current = launchedInChunks(['c-1', 'c-2'], DIGEST);
    spec
      .given([planned(), ...earlier])
      .when(launch(['c-1', 'c-2']))
      .thenFails('AUDIENCE_INCOMPLETE');
    const given = spec.given([planned(), ...earlier, ...current]);
    given.when(respond('c-9')).thenFails('NOT_IN_AUDIENCE');
    given.when(respond('c-1')).then([
      {
        type: 'ResponseRecorded',
        data: { campaignId, customerId: 'c-1', kind: 'opened', respondedAt: day(2) },
      },
    ]);
  });

  it('launches an empty audience at once, with no chunk', () => {
    spec.given([planned()]).when(record([])).then([]);
    spec.given([planned()]).when(launch([])).then(launchedInChunks([], DIGEST));
  });

  it('refuses chunks once launched, naming the status', () => {
    spec
      .given([planned(), ...launchedInChunks(['c-1'], DIGEST)])
      .when(record(['c-1']))
      .thenFails('ILLEGAL_CAMPAIGN_TRANSITION', /it is launched/);
  });
});

describe('campaign decider: launches stored before chunks (schema version 1)', () => {
  const v1 = {
    type: 'CampaignLaunched',
    data: {
      campaignId,
      audience: { customerIds: ['c-1', 'c-2'], count: 2, resolvedAtPosition: 42 },
      launchedAt: day(1),
      attributionEndsAt: day(18),
    },
  };

  it('upcasts a v1 launch to an inline audience and leaves a v2 launch alone', () => {
    expect(upcastCampaignLaunchedV1(v1.data)).toEqual(launched(['c-1', 'c-2']).data);
    const v2 = launchedInChunks(['c-1'], DIGEST).at(-1)!.data;
    expect(upcastCampaignLaunchedV1(v2)).toEqual(v2);
  });

  it.each([
    ['as stored', v1 as unknown as CampaignEvent],
    ['upcast', { ...v1, data: upcastCampaignLaunchedV1(v1.data) } as unknown as CampaignEvent],
  ])('keeps the audience of a v1 launch read %s', (_, event) => {
    const given = spec.given([planned(), event]);
    given.when(respond('c-2')).then([
      {
        type: 'ResponseRecorded',
        data: { campaignId, customerId: 'c-2', kind: 'opened', respondedAt: day(2) },
      },
    ]);
    given.when(respond('c-3')).thenFails('NOT_IN_AUDIENCE');
  });
});
