import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDocumentStore } from '@crm/documents';
import type { RecordedEvent } from '@crm/eventsourcing';
import { ProjectionUnitOfWork } from '@crm/eventsourcing';
import type { OrderEvent } from '@crm/sales';
import { customerValueProjection } from '../customer-value/customer-value.projection';
import {
  orderCancelled,
  orderPlaced,
  recordedEvent,
} from '../customer-value/testing/value-events.factory';
import { rfmProfileSection, rfmSegmentLookup } from './rfm.profile-section';
import { customerIdsInSegment, rfmResults } from './rfm.queries';
import { rfmReport } from './rfm.report';

const DAY = 86_400_000;
const daysAgo = (days: number): string => new Date(Date.now() - days * DAY).toISOString();

describe('RFM over the customer value read model', () => {
  const folder = mkdtempSync(join(tmpdir(), 'crm-rfm-'));
  let store: EmbeddedDocumentStore;
  let checkpoint: number | null = null;

  const project = async (events: OrderEvent[]): Promise<void> => {
    const recorded: RecordedEvent[] = events.map(recordedEvent);
    const unitOfWork = new ProjectionUnitOfWork(store);
    for (const event of recorded) await customerValueProjection.apply(event, unitOfWork);
    const position = recorded.at(-1)?.position ?? 0;
    await store.commit({
      writes: unitOfWork.writes,
      checkpoint: { name: customerValueProjection.name, position, expected: checkpoint },
    });
    checkpoint = position;
  };

  beforeAll(async () => {
    store = new EmbeddedDocumentStore({ filename: join(folder, 'documents.sqlite') });
    for (const spec of customerValueProjection.collections) await store.ensureCollection(spec);
    await project([
      ...[1, 2, 3, 4, 5, 6].map((n) => orderPlaced(`champ-${n}`, 'champion', 50_000, daysAgo(n))),
      ...[20, 40, 60].map((n) => orderPlaced(`loyal-${n}`, 'loyal', 9_000, daysAgo(n))),
      orderPlaced('new-1', 'newbie', 1_000, daysAgo(0)),
      orderPlaced('old-1', 'gone', 200, daysAgo(700)),
      orderPlaced('old-2', 'sleepy', 300, daysAgo(300)),
      orderPlaced('x-1', 'cancelled', 99_999, daysAgo(1)),
      orderCancelled('x-1', 'cancelled'),
    ]);
  });
  afterAll(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('scores only customers with live orders and names their segments', async () => {
    const results = await rfmResults(store);
    expect(Object.fromEntries(results.map((r) => [r.customerId, r.segment]))).toEqual({
      champion: 'champions',
      loyal: 'loyal',
      newbie: 'new',
      sleepy: 'hibernating',
      gone: 'lost',
    });
  });

  it('finds the customers of a segment, and knows which names are segments', async () => {
    expect(await customerIdsInSegment(store, 'champions')).toEqual(['champion']);
    expect(await rfmSegmentLookup.idsInSegment(store, 'lost')).toEqual(['gone']);
    expect(await rfmSegmentLookup.idsInSegment(store, 'whales')).toBeNull();
  });

  it('scores as of an earlier date with only the orders placed by then', async () => {
    const results = await rfmResults(store, new Date(Date.now() - 100 * DAY));
    expect(results.map((r) => r.customerId).sort()).toEqual(['gone', 'sleepy']);
  });

  it('fills the profile section, and leaves customers without orders to the empty section', async () => {
    const sections = await rfmProfileSection.load(store, ['champion', 'cancelled', 'unknown']);
    expect(sections.get('champion')).toEqual({
      segment: 'champions',
      r: expect.any(Number),
      f: 5,
      m: 5,
    });
    expect(sections.has('cancelled')).toBe(false);
    expect(rfmProfileSection.empty).toEqual({ segment: null, r: null, f: null, m: null });
  });

  it('sees new orders as soon as the read model moves on', async () => {
    expect(await customerIdsInSegment(store, 'new')).toEqual(['newbie']);
    await project([orderPlaced('late-1', 'latecomer', 500, daysAgo(0))]);
    expect((await customerIdsInSegment(store, 'new')).sort()).toEqual(['latecomer', 'newbie']);
  });

  it('pages the report by customer id and counts every segment', async () => {
    const first = await rfmReport(store, { limit: 2 });
    expect(first.items.map((i) => i.customerId)).toEqual(['champion', 'gone']);
    const rest = await rfmReport(store, { limit: 10, cursor: first.nextCursor ?? undefined });
    expect(rest.items.map((i) => i.customerId)).toEqual(['latecomer', 'loyal', 'newbie', 'sleepy']);
    expect(rest.nextCursor).toBeNull();
    expect(first.segments.reduce((n, s) => n + s.customers, 0)).toBe(6);
  });
});
