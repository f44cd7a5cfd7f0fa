import fc from 'fast-check';
import type { DocumentStore } from '@crm/documents';
import { EmbeddedDocumentStore } from '@crm/documents';
import type { Projection } from '@crm/eventsourcing';
import { ProjectorRunner, ProjectionUnitOfWork, SqliteEventStore } from '@crm/eventsourcing';
import { aNewEvent } from '@crm/eventsourcing/testing';
import { serviceDeskProjections, serviceProfileSection, ticketStreamId } from '@crm/service-desk';
import { satisfactionBucketsProjection } from './satisfaction-buckets.projection';
import { satisfactionRatingsProjection } from './satisfaction-ratings.projection';
import type {
  SatisfactionGrouping,
  SatisfactionReport,
  SatisfactionReportQuery,
} from './satisfaction.queries';
import { SATISFACTION_GROUPINGS, satisfactionReport } from './satisfaction.queries';
import { directFigures, groupKey, ratingsFromEvents } from './testing/satisfaction-oracle';
import type { OracleRating } from './testing/satisfaction-oracle';
import { generateTicketHistory } from './testing/ticket-history';

const satisfactionProjections: readonly Projection[] = [
  satisfactionRatingsProjection,
  satisfactionBucketsProjection,
];
const projections: readonly Projection[] = [...satisfactionProjections, ...serviceDeskProjections];

const RANGES: SatisfactionReportQuery[] = [
  {},
  { from: '2024-03-01T00:00:00.000Z' },
  { to: '2024-09-15T12:00:00.000Z' },
  { from: '2024-05-01T00:00:00.000Z', to: '2024-06-01T00:00:00.000Z' },
  { from: '2024-06-10T08:30:00.000Z', to: '2025-01-20T00:00:00.000Z' },
  // Inside one day, across one midnight, and from a partial day to a partial day months apart.
  { from: '2024-07-04T06:00:00.000Z', to: '2024-07-04T18:00:00.000Z' },
  { from: '2024-07-31T20:00:00.000Z', to: '2024-08-01T04:00:00.001Z' },
  { from: '2024-02-29T23:59:59.999Z', to: '2024-11-30T00:00:00.001Z' },
  { from: '2024-04-01T00:00:00.000Z', to: '2024-04-16T00:00:00.000Z' },
];

const inRange =
  ({ from, to }: SatisfactionReportQuery) =>
  (r: OracleRating) =>
    (from === undefined || r.ratedAt >= from) && (to === undefined || r.ratedAt < to);

/** What the report must say, computed straight from the events. */
const expectedReport = (ratings: OracleRating[], query: SatisfactionReportQuery) => {
  const selected = ratings.filter(inRange(query));
  const groups = new Map<string | null, OracleRating[]>();
  if (query.by) {
    for (const r of selected) {
      const key = groupKey[query.by](r);
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
  }
  return {
    overall: directFigures(selected),
    groups: new Map([...groups].map(([key, rs]) => [key, directFigures(rs)])),
  };
};

const expectReportToMatch = (
  actual: SatisfactionReport,
  ratings: OracleRating[],
  query: SatisfactionReportQuery,
) => {
  const expected = expectedReport(ratings, query);
  expect(actual.overall).toEqual(expected.overall);
  expect(new Map(actual.groups.map(({ key, ...figures }) => [key, figures]))).toEqual(
    expected.groups,
  );
};

const allReports = async (documents: DocumentStore) => {
  const reports: SatisfactionReport[] = [];
  for (const range of RANGES) {
    for (const by of [undefined, ...SATISFACTION_GROUPINGS])
      reports.push(await satisfactionReport(documents, { ...range, by }));
  }
  return reports;
};

const dumpReadModels = async (documents: DocumentStore) =>
  Object.fromEntries(
    await Promise.all(
      projections
        .flatMap((p) => p.collections)
        .map(
          async (c) =>
            [
              c.name,
              (await documents.find(c.name, {}, { sort: { _id: 1 }, limit: 1_000_000 })).items,
            ] as const,
        ),
    ),
  );

describe('satisfaction analytics against an independent fold of the events', () => {
  describe('over a generated history of thousands of tickets, through the projector', () => {
    const history = generateTicketHistory({ tickets: 4000, customers: 400, seed: 20250301 });
    const ratings = ratingsFromEvents(history);
    let events: SqliteEventStore;
    let documents: EmbeddedDocumentStore;
    let runner: ProjectorRunner;

    const catchUp = async () => {
      runner = new ProjectorRunner(events, documents, projections, { batchSize: 1000 });
      await runner.start();
      const head = await events.headPosition();
      expect(
        await runner.waitFor(
          projections.map((p) => p.name),
          head,
          60_000,
        ),
      ).toBe(true);
    };

    beforeAll(async () => {
      events = new SqliteEventStore({ filename: ':memory:' });
      documents = new EmbeddedDocumentStore({ filename: ':memory:' });
      for (const event of history) {
        await events.append(
          ticketStreamId(event.data.ticketId),
          [
            aNewEvent({
              type: event.type,
              data: event.data,
              metadata: { customerId: event.data.customerId },
            }),
          ],
          'any',
        );
      }
      await catchUp();
    }, 120_000);

    afterAll(async () => {
      await runner.stop();
      await events.close();
      await documents.close();
    });

    it('has a history worth testing', () => {
      expect(new Set(history.map((e) => e.data.ticketId)).size).toBe(4000);
      expect(ratings.length).toBeGreaterThan(1000);
      expect(
        history.some((e) => e.type === 'SatisfactionRated' && e.data.resolutionNumber > 1),
      ).toBe(true);
      for (const range of RANGES.slice(0, 5))
        expect(ratings.filter(inRange(range)).length).toBeGreaterThan(50);
      for (const range of RANGES) expect(ratings.filter(inRange(range)).length).toBeGreaterThan(0);
      expect(new Set(ratings.map((r) => r.ratedAt.slice(0, 7))).size).toBeGreaterThan(12);
      expect(ratings.some((r) => r.agentId === null)).toBe(true);
    });

    it.each(
      RANGES.flatMap((range) =>
        [undefined, ...SATISFACTION_GROUPINGS].map((by) => ({ ...range, by })),
      ),
    )(
      'equals the direct computation for %j',
      async (query: SatisfactionReportQuery & { by?: SatisfactionGrouping }) =>
        expectReportToMatch(await satisfactionReport(documents, query), ratings, query),
    );

    it('gives each customer their own average and ticket counts on the profile', async () => {
      const customerIds = [...new Set(history.map((e) => e.data.customerId))];
      const sut = await serviceProfileSection.load(documents, customerIds);
      const lastStatus = new Map<string, { customerId: string; open: boolean }>();
      for (const e of history) {
        const open = e.type === 'TicketOpened' || e.type === 'TicketReopened';
        const done = e.type === 'TicketResolved' || e.type === 'TicketClosed';
        if (open || done) lastStatus.set(e.data.ticketId, { customerId: e.data.customerId, open });
      }
      for (const customerId of customerIds) {
        const own = directFigures(ratings.filter((r) => r.customerId === customerId));
        const tickets = [...lastStatus.values()].filter((t) => t.customerId === customerId);
        expect(sut.get(customerId)).toEqual({
          serviceCount: tickets.length,
          openTicketCount: tickets.filter((t) => t.open).length,
          satisfaction: { average: own.average, n: own.n },
        });
      }
    });

    it('shows identical figures and documents after the read models are deleted and rebuilt', async () => {
      const reportsBefore = await allReports(documents);
      const documentsBefore = await dumpReadModels(documents);
      await runner.stop();
      for (const projection of projections) {
        for (const collection of projection.collections)
          await documents.dropCollection(collection.name);
        await documents.deleteCheckpoint(projection.name);
      }
      expect((await documents.find('satisfaction_ratings', {})).items).toHaveLength(0);

      await catchUp();

      expect(await allReports(documents)).toEqual(reportsBefore);
      expect(await dumpReadModels(documents)).toEqual(documentsBefore);
    }, 120_000);
  });

  it('equals the direct computation for any generated history and range (property)', async () => {
    // Midnights of month starts, any midnight, or any millisecond, over the history's span.
    const instant = fc.oneof(
      fc.integer({ min: 0, max: 20 }).map((m) => new Date(Date.UTC(2024, m, 1)).toISOString()),
      fc.integer({ min: 0, max: 600 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString()),
      fc
        .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2025, 8, 1) })
        .map((t) => new Date(t).toISOString()),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.constantFrom(undefined, ...SATISFACTION_GROUPINGS),
        fc.option(instant, { nil: undefined }),
        fc.option(instant, { nil: undefined }),
        async (seed, by, from, to) => {
          const history = generateTicketHistory({ tickets: 60, customers: 10, seed });
          const documents = new EmbeddedDocumentStore({ filename: ':memory:' });
          try {
            const unitOfWork = new ProjectionUnitOfWork(documents);
            for (const projection of satisfactionProjections) {
              for (const collection of projection.collections)
                await documents.ensureCollection(collection);
            }
            let position = 0;
            for (const event of history) {
              position += 1;
              for (const projection of satisfactionProjections) {
                if (!projection.handles.includes(event.type)) continue;
                await projection.apply(
                  {
                    streamId: 's',
                    revision: 0,
                    position,
                    type: event.type,
                    data: event.data,
                    metadata: aNewEvent().metadata,
                    recordedAt: '',
                  },
                  unitOfWork,
                );
              }
            }
            await documents.commit({ writes: unitOfWork.writes });
            const query = { by, from, to };
            expectReportToMatch(
              await satisfactionReport(documents, query),
              ratingsFromEvents(history),
              query,
            );
          } finally {
            await documents.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
