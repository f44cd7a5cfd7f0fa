import fc from 'fast-check';
import type { RecordedEvent } from '@crm/eventsourcing';
import { InMemoryProjectionContext } from '@crm/eventsourcing';
import { oracleDeals, oracleOrders, oracleStays, oracleTotals } from '../testing/pipeline-oracle';
import type { OracleDeal } from '../testing/pipeline-oracle';
import { pipelineSteps, runSteps } from '../testing/pipeline-history.arbitrary';
import type {
  CloseTotalDocument,
  OpportunityDocument,
  OpportunityVersionDocument,
  StageEntryDocument,
  StageTotalDocument,
} from './pipeline-board.document';
import {
  CLOSE_TOTALS,
  OPPORTUNITIES,
  OPPORTUNITY_VERSIONS,
  STAGE_HISTORY,
  STAGE_TOTALS,
} from './pipeline-board.document';
import { pipelineProjections } from '../pipeline-read-side';

const project = (events: readonly RecordedEvent[]) =>
  InMemoryProjectionContext.fold(pipelineProjections, events);

/** The figures both sides state, in the oracle's shape. */
const dealOf = (d: OpportunityDocument | OpportunityVersionDocument): OracleDeal => ({
  opportunityId: d.opportunityId,
  pipelineId: d.pipelineId,
  stageId: d.stageId,
  status: d.status,
  probability: d.probability,
  amount: d.amount.amount,
  currency: d.amount.currency,
  ownerId: d.ownerId,
  source: d.source,
  campaignId: d.campaignId,
  expectedCloseDate: d.expectedCloseDate,
  openedAt: d.openedAt,
  closedAt: d.closedAt,
});

const sorted = (deals: OracleDeal[]) =>
  [...deals].sort((a, b) => a.opportunityId.localeCompare(b.opportunityId));

const totalsOf = (documents: { _id: string; count: number; amount: string }[]) =>
  new Map(documents.map((d) => [d._id, { count: d.count, amount: d.amount }]));

/** Instants to look back at: each event's, a moment before and after it, and before it all. */
const instantsOf = (events: readonly RecordedEvent[]): string[] => {
  const times = events.map((e) => Date.parse(String(e.data.at)));
  return [...new Set(times.flatMap((t) => [t - 1, t, t + 1]))].map((t) =>
    new Date(t).toISOString(),
  );
};

describe('pipeline board read models (property)', () => {
  it('hold each opportunity as an independent fold of random legal histories leaves it', async () => {
    await fc.assert(
      fc.asyncProperty(pipelineSteps(), async (steps) => {
        const events = runSteps(steps);
        const context = await project(events);
        const documents = context.all<OpportunityDocument>(OPPORTUNITIES).map(dealOf);
        expect(sorted(documents)).toEqual(sorted(oracleDeals(events)));
        const orders = context
          .all<OpportunityDocument>(OPPORTUNITIES)
          .filter((d) => d.status === 'won')
          .map((d) => [d.opportunityId, d.orderId] as const);
        expect(new Map(orders)).toEqual(oracleOrders(events));
      }),
      { numRuns: 200 },
    );
  });

  it('record every stage entry and exit with its times, as the log has them', async () => {
    await fc.assert(
      fc.asyncProperty(pipelineSteps(), async (steps) => {
        const events = runSteps(steps);
        const context = await project(events);
        const rows = context.all<StageEntryDocument>(STAGE_HISTORY);
        const stays = new Map<
          string,
          { stageId: string; enteredAt: string; exitedAt: string | null }[]
        >();
        for (const row of [...rows].sort(
          (a, b) => Number(a._id.split(':')[1]) - Number(b._id.split(':')[1]),
        )) {
          const { stageId, enteredAt, exitedAt } = row;
          stays.set(row.opportunityId, [
            ...(stays.get(row.opportunityId) ?? []),
            { stageId, enteredAt, exitedAt },
          ]);
        }
        expect(stays).toEqual(oracleStays(events));
      }),
      { numRuns: 200 },
    );
  });

  it('keep totals per stage, owner and currency, and per close day, equal to a sum over the deals, exactly', async () => {
    await fc.assert(
      fc.asyncProperty(pipelineSteps(), async (steps) => {
        const events = runSteps(steps);
        const context = await project(events);
        const deals = oracleDeals(events);
        const byStage = oracleTotals(deals, (d) =>
          [d.pipelineId, d.stageId, d.ownerId, d.currency].join('|'),
        );
        const byDay = oracleTotals(deals, (d) =>
          [
            d.pipelineId,
            d.stageId,
            d.currency,
            d.closedAt?.slice(0, 10) ?? d.expectedCloseDate,
          ].join('|'),
        );
        expect(totalsOf(context.all<StageTotalDocument>(STAGE_TOTALS))).toEqual(byStage);
        expect(totalsOf(context.all<CloseTotalDocument>(CLOSE_TOTALS))).toEqual(byDay);
      }),
      { numRuns: 200 },
    );
  });

  it('keep versions whose validity at any instant is the deal replayed to that instant', async () => {
    await fc.assert(
      fc.asyncProperty(pipelineSteps(60), async (steps) => {
        const events = runSteps(steps);
        const context = await project(events);
        const versions = context.all<OpportunityVersionDocument>(OPPORTUNITY_VERSIONS);
        for (const asOf of instantsOf(events)) {
          const valid = versions.filter((v) => v.validFrom <= asOf && asOf < v.validTo);
          expect(sorted(valid.map(dealOf))).toEqual(sorted(oracleDeals(events, asOf)));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('apply an event delivered twice once', async () => {
    await fc.assert(
      fc.asyncProperty(pipelineSteps(40), fc.nat(), async (steps, pick) => {
        const events = runSteps(steps);
        const at = pick % events.length;
        const twice = [...events.slice(0, at + 1), ...events.slice(at)];
        const once = await project(events);
        const again = await project(twice);
        for (const collection of [
          OPPORTUNITIES,
          STAGE_HISTORY,
          OPPORTUNITY_VERSIONS,
          STAGE_TOTALS,
          CLOSE_TOTALS,
        ]) {
          expect(again.all(collection)).toEqual(once.all(collection));
        }
      }),
      { numRuns: 100 },
    );
  });
});
