import type { RecordedEvent } from '@crm/eventsourcing';

/**
 * The independent fold the read models are checked against: written from the event contracts
 * alone, plainly, with nothing shared with the projections. "As of T" is a replay of the
 * events that happened at or before T.
 */
export type OracleDeal = {
  opportunityId: string;
  pipelineId: string;
  stageId: string;
  status: 'open' | 'won' | 'lost';
  probability: number;
  amount: number;
  currency: string;
  ownerId: string;
  source: string;
  campaignId: string | null;
  expectedCloseDate: string;
  openedAt: string;
  closedAt: string | null;
};

export type OracleStay = { stageId: string; enteredAt: string; exitedAt: string | null };

const isOpportunityEvent = (event: RecordedEvent): boolean =>
  event.streamId.startsWith('opportunity-');

const str = (value: unknown): string => String(value);

const applyDeal = (deal: OracleDeal | null, event: RecordedEvent): OracleDeal | null => {
  const d = event.data;
  if (event.type === 'OpportunityOpened') {
    const money = d.amount as { amount: number; currency: string };
    return {
      opportunityId: str(d.opportunityId),
      pipelineId: str(d.pipelineId),
      stageId: str(d.stageId),
      status: 'open',
      probability: Number(d.probability),
      amount: money.amount,
      currency: money.currency,
      ownerId: str(d.ownerId),
      source: str(d.source),
      campaignId: (d.campaignId as string | null) ?? null,
      expectedCloseDate: str(d.expectedCloseDate),
      openedAt: str(d.at),
      closedAt: null,
    };
  }
  if (!deal) return null;
  if (event.type === 'OpportunityAmountChanged')
    return { ...deal, amount: (d.amount as { amount: number }).amount };
  if (event.type === 'OpportunityCloseDateChanged')
    return { ...deal, expectedCloseDate: str(d.expectedCloseDate) };
  if (event.type === 'OpportunityOwnerChanged') return { ...deal, ownerId: str(d.ownerId) };
  const status =
    event.type === 'OpportunityWon' ? 'won' : event.type === 'OpportunityLost' ? 'lost' : 'open';
  return {
    ...deal,
    stageId: str(d.stageId),
    probability: Number(d.probability),
    status,
    closedAt: status === 'open' ? null : str(d.at),
  };
};

const byOpportunity = (log: readonly RecordedEvent[]): Map<string, RecordedEvent[]> => {
  const streams = new Map<string, RecordedEvent[]>();
  for (const event of log.filter(isOpportunityEvent)) {
    streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event]);
  }
  return streams;
};

/** Every opportunity opened at or before `asOf` (all of them without it), as it stood then. */
export const oracleDeals = (log: readonly RecordedEvent[], asOf?: string): OracleDeal[] => {
  const deals: OracleDeal[] = [];
  for (const events of byOpportunity(log).values()) {
    let deal: OracleDeal | null = null;
    for (const event of events) {
      if (asOf !== undefined && Date.parse(str(event.data.at)) > Date.parse(asOf)) break;
      deal = applyDeal(deal, event);
    }
    if (deal) deals.push(deal);
  }
  return deals;
};

const STAGE_EVENTS = [
  'OpportunityOpened',
  'OpportunityStageMoved',
  'OpportunityWon',
  'OpportunityLost',
  'OpportunityReopened',
];

/** Each opportunity's stays in stages, in order. */
export const oracleStays = (log: readonly RecordedEvent[]): Map<string, OracleStay[]> => {
  const stays = new Map<string, OracleStay[]>();
  for (const events of byOpportunity(log).values()) {
    const entries = events.filter((e) => STAGE_EVENTS.includes(e.type));
    const id = str(entries[0]?.data.opportunityId);
    stays.set(
      id,
      entries.map((e, i) => ({
        stageId: str(e.data.stageId),
        enteredAt: str(e.data.at),
        exitedAt: entries[i + 1] ? str(entries[i + 1]?.data.at) : null,
      })),
    );
  }
  return stays;
};

/** The order each won opportunity placed (null when none), by opportunity id. */
export const oracleOrders = (log: readonly RecordedEvent[]): Map<string, string | null> =>
  new Map(
    log
      .filter((e) => e.type === 'OpportunityWon')
      .map((e) => [str(e.data.opportunityId), (e.data.orderId as string | null) ?? null]),
  );

/** Count and Σ amount (a decimal string) per key. */
export const oracleTotals = (
  deals: readonly OracleDeal[],
  keyOf: (deal: OracleDeal) => string,
): Map<string, { count: number; amount: string }> => {
  const totals = new Map<string, { count: number; amount: bigint }>();
  for (const deal of deals) {
    const key = keyOf(deal);
    const total = totals.get(key) ?? { count: 0, amount: 0n };
    totals.set(key, { count: total.count + 1, amount: total.amount + BigInt(deal.amount) });
  }
  return new Map(
    [...totals].map(([key, t]) => [key, { count: t.count, amount: t.amount.toString() }]),
  );
};
