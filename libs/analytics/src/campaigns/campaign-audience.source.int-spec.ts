import { EmbeddedDocumentStore } from '@crm/documents';
import { ProjectionUnitOfWork } from '@crm/eventsourcing';
import { CUSTOMER_PROFILES } from '@crm/customers';
import type { OrderEvent } from '@crm/sales';
import { MAX_AMOUNT } from '@crm/sales';
import { customerValueProjections } from '../customer-value/customer-value.projection';
import {
  orderCancelled,
  orderPlaced,
  recordedEvent,
} from '../customer-value/testing/value-events.factory';
import { CampaignAudienceSource } from './campaign-audience.source';

const NOW = new Date('2026-03-01T00:00:00.000Z');
const daysAgo = (days: number): string => new Date(NOW.getTime() - days * 86_400_000).toISOString();

describe('the campaign audience source', () => {
  let store: EmbeddedDocumentStore;
  let sut: CampaignAudienceSource;

  const profile = (customerId: string, tags: string[], status = 'active') =>
    store.upsert(CUSTOMER_PROFILES, {
      _id: customerId,
      customerId,
      status,
      tags,
      createdAt: NOW.toISOString(),
    });

  const orders = async (events: OrderEvent[]) => {
    const unitOfWork = new ProjectionUnitOfWork(store);
    for (const event of events.map(recordedEvent)) {
      for (const projection of customerValueProjections) await projection.apply(event, unitOfWork);
    }
    await store.commit({ writes: unitOfWork.writes });
  };

  beforeAll(async () => {
    store = new EmbeddedDocumentStore({ filename: ':memory:' });
    await store.ensureCollection({ name: CUSTOMER_PROFILES });
    for (const projection of customerValueProjections)
      for (const spec of projection.collections) await store.ensureCollection(spec);
    await profile('ada', ['vip', 'newsletter']);
    await profile('bob', ['vip']);
    await profile('cy', ['newsletter']);
    await profile('gone', ['vip'], 'forgotten');
    await orders([
      orderPlaced('o-1', 'ada', 50_000, daysAgo(5)),
      orderPlaced('o-2', 'bob', 9_000, daysAgo(40)),
      orderPlaced('o-3', 'cy', 2_000, daysAgo(200)),
      orderPlaced('o-4', 'cy', 70_000, daysAgo(1), 'USD'),
      orderPlaced('o-5', 'bob', 99_000, daysAgo(2)),
      orderCancelled('o-5', 'bob'),
    ]);
    sut = new CampaignAudienceSource(store);
  });
  afterAll(() => store.close());

  it('finds live customers by any or all tags', async () => {
    expect((await sut.liveCustomerIds({ match: 'any', values: ['vip'] })).sort()).toEqual([
      'ada',
      'bob',
    ]);
    expect(await sut.liveCustomerIds({ match: 'all', values: ['vip', 'newsletter'] })).toEqual([
      'ada',
    ]);
    expect((await sut.liveCustomerIds(null)).sort()).toEqual(['ada', 'bob', 'cy']);
  });

  it('finds customers by value in one currency, net of cancellations', async () => {
    const range = { currency: 'EUR', min: 5_000, max: 60_000 };
    expect((await sut.customerIdsByValue(range)).sort()).toEqual(['ada', 'bob']);
    expect(await sut.customerIdsByValue({ currency: 'EUR', min: 10_000, max: null })).toEqual([
      'ada',
    ]);
    expect(await sut.customerIdsByValue({ currency: 'USD', min: null, max: 80_000 })).toEqual([
      'cy',
    ]);
  });

  it('finds customers by the date of their last live order', async () => {
    const recent = await sut.customerIdsByLastOrder(new Date(daysAgo(30)), null);
    expect(recent.sort()).toEqual(['ada', 'cy']);
    const lapsed = await sut.customerIdsByLastOrder(null, new Date(daysAgo(30)));
    expect(lapsed).toEqual(['bob']);
  });

  it('finds customers in an RFM segment as of a date, and none for an unknown segment', async () => {
    const all = await Promise.all(sut.segmentNames.map((s) => sut.customerIdsInSegment(s, NOW)));
    expect(all.flat().sort()).toEqual(['ada', 'bob', 'cy']);
    expect(await sut.customerIdsInSegment('nonsense', NOW)).toEqual([]);
  });

  it('finds customers by value past 2^53 (orders at the money limit), exactly', async () => {
    const whales = new EmbeddedDocumentStore({ filename: ':memory:' });
    try {
      for (const projection of customerValueProjections)
        for (const spec of projection.collections) await whales.ensureCollection(spec);
      const unitOfWork = new ProjectionUnitOfWork(whales);
      const placed = [
        ...Array.from({ length: 10 }, (_, i) =>
          orderPlaced(`w-${i}`, 'dan', MAX_AMOUNT, daysAgo(3), 'GBP'),
        ),
        orderPlaced('w-eve', 'eve', MAX_AMOUNT, daysAgo(3), 'GBP'),
      ];
      for (const event of placed.map(recordedEvent))
        for (const projection of customerValueProjections)
          await projection.apply(event, unitOfWork);
      await whales.commit({ writes: unitOfWork.writes });
      const source = new CampaignAudienceSource(whales);
      // dan: 10^16 minor units, past 2^53 − 1; eve: 10^15.
      expect(
        await source.customerIdsByValue({
          currency: 'GBP',
          min: Number.MAX_SAFE_INTEGER,
          max: null,
        }),
      ).toEqual(['dan']);
      expect(
        await source.customerIdsByValue({
          currency: 'GBP',
          min: null,
          max: Number.MAX_SAFE_INTEGER,
        }),
      ).toEqual(['eve']);
    } finally {
      await whales.close();
    }
  });
});
