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

export type OracleStage = { stageId: string; name: string; probability: number; kind: string };
export type OracleDefinition = { version: number; name: string; stages: OracleStage[]; at: string };

const happenedBy = (event: RecordedEvent, asOf?: string): boolean =>
  asOf === undefined || Date.parse(str(event.data.at)) <= Date.parse(asOf);

/** Each pipeline's definitions put in force at or before `asOf`, oldest first. */
export const oracleDefinitions = (
  log: readonly RecordedEvent[],
  asOf?: string,
): Map<string, OracleDefinition[]> => {
  const definitions = new Map<string, OracleDefinition[]>();
  for (const event of log) {
    if (event.type !== 'PipelineDefined' && event.type !== 'PipelineChanged') continue;
    if (!happenedBy(event, asOf)) continue;
    const id = str(event.data.pipelineId);
    definitions.set(id, [
      ...(definitions.get(id) ?? []),
      {
        version: Number(event.data.version),
        name: str(event.data.name),
        stages: event.data.stages as OracleStage[],
        at: str(event.data.at),
      },
    ]);
  }
  return definitions;
};

/**
 * The probability a deal in `stageId` weighs at: the stage's in the last definition, else in
 * the latest one before it that had the stage; and whether the last definition has it.
 */
export const oracleStage = (
  definitions: readonly OracleDefinition[],
  stageId: string,
): { stage: OracleStage; inDefinition: boolean } | null => {
  for (let i = definitions.length - 1; i >= 0; i -= 1) {
    const stage = definitions[i]?.stages.find((s) => s.stageId === stageId);
    if (stage) return { stage, inDefinition: i === definitions.length - 1 };
  }
  return null;
};

const hundredthsText = (hundredths: bigint): string => {
  const cents = hundredths % 100n;
  const whole = hundredths / 100n;
  return cents === 0n ? whole.toString() : `${whole}.${cents < 10n ? '0' : ''}${cents}`;
};

/** amount × probability / 100 in minor units, written out: "1099.89", "5", "0.05". */
export const oracleWeighted = (amount: bigint, probability: number): string =>
  hundredthsText(amount * BigInt(probability));

export type OracleFigures = { currency: string; count: number; amount: string; weighted: string };
export type OracleBoardStage = {
  stageId: string;
  probability: number;
  inDefinition: boolean;
  totals: OracleFigures[];
  owners?: { ownerId: string; totals: OracleFigures[] }[];
};
export type OracleBoard = { pipelineId: string; version: number; stages: OracleBoardStage[] };

const figures = (deals: readonly OracleDeal[], probability: number): OracleFigures[] => {
  const currencies = [...new Set(deals.map((d) => d.currency))].sort();
  return currencies.map((currency) => {
    const of = deals.filter((d) => d.currency === currency);
    const amount = of.reduce((sum, d) => sum + BigInt(d.amount), 0n);
    return {
      currency,
      count: of.length,
      amount: amount.toString(),
      weighted: oracleWeighted(amount, probability),
    };
  });
};

/**
 * The board replayed to `asOf` (now without it): per pipeline defined by then (by id), its
 * stages in definition order then the undefined ones holding deals (by id), per currency.
 */
export const oracleBoard = (
  log: readonly RecordedEvent[],
  byOwner: boolean,
  asOf?: string,
): OracleBoard[] => {
  const deals = oracleDeals(log, asOf);
  const boards: OracleBoard[] = [];
  for (const [pipelineId, definitions] of oracleDefinitions(log, asOf)) {
    const last = definitions[definitions.length - 1];
    if (!last) continue;
    const own = deals.filter((d) => d.pipelineId === pipelineId);
    const defined = last.stages.map((s) => s.stageId);
    const extra = [...new Set(own.map((d) => d.stageId))].filter((id) => !defined.includes(id));
    const stages = [...defined, ...extra.sort()].map((stageId) => {
      const found = oracleStage(definitions, stageId);
      const probability = found?.stage.probability ?? 0;
      const inStage = own.filter((d) => d.stageId === stageId);
      const owners = [...new Set(inStage.map((d) => d.ownerId))].sort().map((ownerId) => ({
        ownerId,
        totals: figures(
          inStage.filter((d) => d.ownerId === ownerId),
          probability,
        ),
      }));
      return {
        stageId,
        probability,
        inDefinition: found?.inDefinition ?? false,
        totals: figures(inStage, probability),
        ...(byOwner ? { owners } : {}),
      };
    });
    boards.push({ pipelineId, version: last.version, stages });
  }
  return boards.sort((a, b) => a.pipelineId.localeCompare(b.pipelineId));
};

export type OracleForecast = {
  currency: string;
  open: { count: number; amount: string; weighted: string };
  won: { count: number; amount: string };
  lost: { count: number };
};

/** The forecast for [from, to] (days, both in) replayed to `asOf` (now without it). */
export const oracleForecast = (
  log: readonly RecordedEvent[],
  from: string,
  to: string,
  asOf?: string,
): OracleForecast[] => {
  const definitions = oracleDefinitions(log, asOf);
  const inPeriod = (day: string) => day >= from && day <= to;
  const deals = oracleDeals(log, asOf).filter((d) =>
    inPeriod(d.status === 'open' ? d.expectedCloseDate : str(d.closedAt).slice(0, 10)),
  );
  const currencies = [...new Set(deals.map((d) => d.currency))].sort();
  return currencies.map((currency) => {
    const of = deals.filter((d) => d.currency === currency);
    const open = of.filter((d) => d.status === 'open');
    const won = of.filter((d) => d.status === 'won');
    let weighted = 0n;
    for (const deal of open) {
      const found = oracleStage(definitions.get(deal.pipelineId) ?? [], deal.stageId);
      weighted += BigInt(deal.amount) * BigInt(found?.stage.probability ?? 0);
    }
    const sum = (ds: OracleDeal[]) => ds.reduce((s, d) => s + BigInt(d.amount), 0n).toString();
    return {
      currency,
      open: { count: open.length, amount: sum(open), weighted: hundredthsText(weighted) },
      won: { count: won.length, amount: sum(won) },
      lost: { count: of.filter((d) => d.status === 'lost').length },
    };
  });
};
export type OracleStageFigures = {
  entered: number;
  movedForward: number;
  movedBack: number;
  won: number;
  lost: number;
  reopened: number;
  stillIn: number;
  /** exit − entry of the finished stays, in ms, ascending. */
  durations: number[];
};

const at = (e: RecordedEvent): number => Date.parse(str(e.data.at));

/**
 * Stage conversion replayed from the events: each stay that began in [from, to] by asOf, and
 * what ended it (the next stage event, if it happened by asOf). A move goes forward when the
 * stage it goes to comes later, in the version the move records, than the stage it leaves (a
 * stage that version lacks comes first).
 */
export const oracleConversion = (
  log: readonly RecordedEvent[],
  pipelineId: string,
  period: { from: string; to: string; asOf: string },
): Map<string, OracleStageFigures> => {
  const definitions = new Map(
    (oracleDefinitions(log).get(pipelineId) ?? []).map((d) => [
      d.version,
      d.stages.map((s) => s.stageId),
    ]),
  );
  const [from, to, asOf] = [period.from, period.to, period.asOf].map((t) => Date.parse(t)) as [
    number,
    number,
    number,
  ];
  const figures = new Map<string, OracleStageFigures>();
  for (const events of byOpportunity(log).values()) {
    const entries = events.filter((e) => STAGE_EVENTS.includes(e.type) && at(e) <= asOf);
    if (str(entries[0]?.data.pipelineId) !== pipelineId) continue;
    entries.forEach((entry, i) => {
      if (at(entry) < from || at(entry) > to) return;
      const stageId = str(entry.data.stageId);
      const f = figures.get(stageId) ?? {
        entered: 0,
        movedForward: 0,
        movedBack: 0,
        won: 0,
        lost: 0,
        reopened: 0,
        stillIn: 0,
        durations: [],
      };
      figures.set(stageId, f);
      f.entered += 1;
      const exit = entries[i + 1];
      if (!exit) {
        f.stillIn += 1;
        return;
      }
      f.durations = [...f.durations, at(exit) - at(entry)].sort((a, b) => a - b);
      if (exit.type === 'OpportunityWon') f.won += 1;
      else if (exit.type === 'OpportunityLost') f.lost += 1;
      else if (exit.type === 'OpportunityReopened') f.reopened += 1;
      else {
        const order = definitions.get(Number(exit.data.pipelineVersion)) ?? [];
        const forward = order.indexOf(str(exit.data.stageId)) > order.indexOf(stageId);
        if (forward) f.movedForward += 1;
        else f.movedBack += 1;
      }
    });
  }
  return figures;
};

export type OracleClose = OracleDeal & { status: 'won' | 'lost'; closedAt: string };

/** The deals closed in [from, to] as they stood at asOf (replayed to asOf). */
export const oracleCloses = (
  log: readonly RecordedEvent[],
  period: { from: string; to: string; asOf: string },
  pipelineId?: string,
): OracleClose[] =>
  oracleDeals(log, period.asOf).filter(
    (d): d is OracleClose =>
      d.status !== 'open' &&
      d.closedAt !== null &&
      (pipelineId === undefined || d.pipelineId === pipelineId) &&
      Date.parse(d.closedAt) >= Date.parse(period.from) &&
      Date.parse(d.closedAt) <= Date.parse(period.to),
  );
