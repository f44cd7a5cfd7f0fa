import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contextModules } from '@crm/composition';
import { ATTRIBUTION_PROJECTION } from '../src/application/attribution/attribution.documents';
import { campaignStreamId } from '../src/domain/campaign';
import { MarketingModule } from '../src/marketing.module';
import { campaignSteps } from '../src/testing/campaign-http';
import type { ChildServer } from '../src/testing/child-server';
import { compiledServer, startChildServer } from '../src/testing/child-server';

// Runs once the app is composed with the marketing module (libs/composition).
const describeWired = contextModules.includes(MarketingModule) ? describe : describe.skip;

const CUSTOMERS = 20;
const ORDERS = 400;
/** Conversions seen in the log before the process is killed: a quarter of the way. */
const KILL_AFTER = ORDERS / 4;
const cancels = (i: number): boolean => i % 8 === 0;

type Row = { orderId: string };

/** Straight from the log: what the campaign stream holds, duplicates included. */
const campaignLog = (dataDir: string, campaignId: string) => {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = (type: string) =>
      db
        .prepare<[string, string], { data: string }>(
          'SELECT data FROM events WHERE stream_id = ? AND type = ? ORDER BY position',
        )
        .all(campaignStreamId(campaignId), type)
        .map((row) => JSON.parse(row.data) as Row);
    return {
      conversions: rows('ConversionRecorded').map((r) => r.orderId),
      reversals: rows('ConversionReversed').map((r) => r.orderId),
    };
  } finally {
    db.close();
  }
};

const sagaCheckpoint = (dataDir: string): number => {
  const db = new Database(join(dataDir, 'documents.sqlite'), { readonly: true });
  try {
    const row = db
      .prepare<[string], { position: number }>('SELECT position FROM checkpoints WHERE name = ?')
      .get(ATTRIBUTION_PROJECTION);
    return row?.position ?? 0;
  } finally {
    db.close();
  }
};

const sorted = (ids: readonly string[]): string[] => [...ids].sort();

describeWired('attribution across a crash of the process', () => {
  let dataDir = '';
  let build: ReturnType<typeof compiledServer> | null = null;
  let main = '';
  let server: ChildServer | null = null;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'crm-crash-'));
    build = compiledServer();
    main = build.main;
  }, 300_000);
  afterAll(async () => {
    await server?.kill('SIGKILL');
    build?.cleanUp();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no conversion and doubles none when killed mid-attribution and restarted', async () => {
    // 1. Customers on a tag, a campaign on the tag, launched; the saga has seen the launch.
    server = await startChildServer(main, dataDir);
    const key = await server.http('POST', '/admin/api-keys', {
      body: { name: 'crash', role: 'service' },
    });
    const service: string = key.body.token;
    let steps = campaignSteps(server.http, service);
    const customers: string[] = [];
    for (let n = 0; n < CUSTOMERS; n += 1) customers.push(await steps.customer(n, ['crash']));
    const campaignId = await steps.plan({ audience: { tags: ['crash'] } });
    const launched = await steps.launch(campaignId);
    const seen = await server.http(
      'GET',
      `/campaigns/${campaignId}/results?minPosition=${launched.position}`,
      {
        key: service,
      },
    );
    expect(seen.body).toMatchObject({ audienceSize: CUSTOMERS, conversions: 0 });
    await server.kill('SIGTERM');

    // 2. Orders (some cancelled) while no projector runs: the saga's work piles up.
    server = await startChildServer(main, dataDir, { RUN_PROJECTORS: 'false' });
    steps = campaignSteps(server.http, service);
    const placed: string[] = [];
    const cancelled: string[] = [];
    let revenue = 0;
    let lastPosition = 0;
    for (let start = 0; start < ORDERS; start += 25) {
      await Promise.all(
        Array.from({ length: 25 }, async (_, k) => {
          const i = start + k;
          const total = 1_000 + i;
          const order = await steps.order(customers[i % CUSTOMERS] ?? '', total);
          placed.push(order.id);
          lastPosition = Math.max(lastPosition, order.position);
          if (cancels(i)) {
            const cancel = await steps.orderAction(order.id, 'cancel', {
              reason: 'customer_request',
            });
            cancelled.push(order.id);
            lastPosition = Math.max(lastPosition, cancel.position);
          } else {
            revenue += total;
          }
        }),
      );
    }
    await server.kill('SIGTERM');

    // 3. Projectors back on; SIGKILL while the saga is part-way through the pile.
    server = await startChildServer(main, dataDir);
    const deadline = Date.now() + 60_000;
    while (campaignLog(dataDir, campaignId).conversions.length < KILL_AFTER) {
      if (Date.now() > deadline) throw new Error('the saga never got going');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await server.kill('SIGKILL');
    const afterKill = campaignLog(dataDir, campaignId);
    expect(afterKill.conversions.length).toBeLessThan(ORDERS);
    expect(sagaCheckpoint(dataDir)).toBeLessThan(lastPosition);

    // 4. Restart: the saga replays from its checkpoint and finishes.
    server = await startChildServer(main, dataDir);
    const results = await server.http(
      'GET',
      `/campaigns/${campaignId}/results?minPosition=${lastPosition}`,
      {
        key: service,
      },
    );
    expect(results.status).toBe(200);
    const log = campaignLog(dataDir, campaignId);
    expect(sorted(log.conversions)).toEqual(sorted(placed));
    expect(sorted(log.reversals)).toEqual(sorted(cancelled));
    expect(results.body).toMatchObject({
      audienceSize: CUSTOMERS,
      conversions: ORDERS - cancelled.length,
      byCurrency: [
        {
          currency: 'EUR',
          conversions: ORDERS - cancelled.length,
          attributedRevenue: { amount: revenue, currency: 'EUR' },
        },
      ],
    });
    await server.kill('SIGTERM');
    server = null;
  }, 180_000);
});
