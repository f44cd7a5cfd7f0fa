import fc from 'fast-check';
import type { RecordedEvent } from '@crm/eventsourcing';
import type { OracleBoard, OracleForecast } from '../../../testing/pipeline-oracle';
import { oracleBoard, oracleForecast } from '../../../testing/pipeline-oracle';
import {
  HISTORY_START,
  pipelineSteps,
  runSteps,
} from '../../../testing/pipeline-history.arbitrary';
import type { CurrencyFigures } from '../board-figures';
import type { BoardDocuments, PipelineBoard, PipelineForecast } from '../board.reads';
import { pipelineBoard, pipelineForecast } from '../board.reads';
import type { OpportunityVersionsIndex } from '../opportunity-versions.index';

/**
 * The board and forecast properties, run against a store the caller builds from the log (in
 * memory, the embedded store): what the reads answer equals the independent fold of the same
 * log, now and replayed to random instants.
 */
export type ProjectedBoard = { documents: BoardDocuments; versions: OpportunityVersionsIndex };
export type ProjectLog = (events: readonly RecordedEvent[]) => Promise<ProjectedBoard>;

const DAY_MS = 86_400_000;
const NOW = '2030-01-01T00:00:00.000Z';

const figures = (totals: readonly CurrencyFigures[]) =>
  totals.map((t) => ({
    currency: t.currency,
    count: t.count,
    amount: t.amount.amountExact,
    weighted: t.weightedAmount.amountExact,
  }));

/** The answer in the oracle's shape (and its money shapes checked on the way). */
const asOracleBoard = (board: PipelineBoard): OracleBoard[] =>
  board.pipelines
    .map((p) => ({
      pipelineId: p.pipelineId,
      version: p.version,
      stages: p.stages.map((s) => ({
        stageId: s.stageId,
        probability: s.probability,
        inDefinition: s.inDefinition,
        totals: figures(s.totals),
        ...(s.owners
          ? { owners: s.owners.map((o) => ({ ownerId: o.ownerId, totals: figures(o.totals) })) }
          : {}),
      })),
    }))
    .sort((a, b) => a.pipelineId.localeCompare(b.pipelineId));

const asOracleForecast = (forecast: PipelineForecast): OracleForecast[] =>
  forecast.currencies.map((c) => ({
    currency: c.currency,
    open: {
      count: c.open.count,
      amount: c.open.amount.amountExact,
      weighted: c.open.weightedAmount.amountExact,
    },
    won: { count: c.won.count, amount: c.won.amount.amountExact },
    lost: { count: c.lost.count },
  }));

const safeAmounts = (board: PipelineBoard): boolean =>
  board.pipelines.every((p) =>
    p.stages.every((s) =>
      s.totals.every((t) =>
        t.amount.amount === null
          ? BigInt(t.amount.amountExact) > BigInt(Number.MAX_SAFE_INTEGER)
          : String(t.amount.amount) === t.amount.amountExact,
      ),
    ),
  );

/** Instants to look back at: random ones over the history, and just at, before and after events. */
const instants = (events: readonly RecordedEvent[], picks: readonly number[]): string[] => {
  const times = events.map((e) => Date.parse(String(e.data.at)));
  const last = Math.max(...times);
  const around = picks.map((p, i) => {
    const t = times[p % times.length] ?? HISTORY_START;
    return t + ((i % 3) - 1);
  });
  const random = picks.map((p) => HISTORY_START - 1 + (p % (last - HISTORY_START + 2)));
  return [...around, ...random].map((t) => new Date(t).toISOString());
};

const period = (start: number, days: number) => ({
  from: new Date(HISTORY_START + start * DAY_MS).toISOString().slice(0, 10),
  to: new Date(HISTORY_START + (start + days) * DAY_MS).toISOString().slice(0, 10),
});

const picks = fc.array(fc.nat(), { minLength: 2, maxLength: 4 });

export const boardProperties = (project: ProjectLog, runs: number): void => {
  it('answers the board now as the independent fold of random legal histories, by stage and owner', async () => {
    await fc.assert(
      fc.asyncProperty(pipelineSteps(), fc.boolean(), async (steps, byOwner) => {
        const events = runSteps(steps);
        const { documents, versions } = await project(events);
        const by = byOwner ? 'owner' : 'stage';
        const board = await pipelineBoard(documents, { by, asOf: null, now: NOW }, versions);
        expect(board.asOf).toBe(NOW);
        expect(safeAmounts(board)).toBe(true);
        expect(asOracleBoard(board)).toEqual(oracleBoard(events, byOwner));
      }),
      { numRuns: runs },
    );
  });

  it('answers the board as of random instants as the fold replayed to each of them', async () => {
    await fc.assert(
      fc.asyncProperty(pipelineSteps(60), picks, fc.boolean(), async (steps, at, byOwner) => {
        const events = runSteps(steps);
        const { documents, versions } = await project(events);
        const by = byOwner ? 'owner' : 'stage';
        for (const asOf of instants(events, at)) {
          const board = await pipelineBoard(documents, { by, asOf, now: NOW }, versions);
          expect(asOracleBoard(board)).toEqual(oracleBoard(events, byOwner, asOf));
        }
      }),
      { numRuns: runs },
    );
  });

  it('narrows the board to one pipeline and one currency as filtering the fold does', async () => {
    await fc.assert(
      fc.asyncProperty(pipelineSteps(), fc.constantFrom('EUR', 'USD'), async (steps, currency) => {
        const events = runSteps(steps);
        const { documents, versions } = await project(events);
        const query = { by: 'stage', pipelineId: 'pl-b', currency, now: NOW } as const;
        const last = events.at(-1)?.data.at as string;
        for (const asOf of [null, last]) {
          const board = await pipelineBoard(documents, { ...query, asOf }, versions);
          const expected = oracleBoard(events, false, asOf ?? undefined)
            .filter((p) => p.pipelineId === 'pl-b')
            .map((p) => ({
              ...p,
              stages: p.stages
                .map((s) => ({ ...s, totals: s.totals.filter((t) => t.currency === currency) }))
                .filter((s) => s.inDefinition || s.totals.length > 0),
            }));
          expect(asOracleBoard(board)).toEqual(expected);
        }
      }),
      { numRuns: Math.ceil(runs / 2) },
    );
  });

  it('answers the forecast of a period now and as of random instants as the fold does', async () => {
    await fc.assert(
      fc.asyncProperty(
        pipelineSteps(60),
        picks,
        fc.nat(300),
        fc.nat(120),
        async (steps, at, start, days) => {
          const events = runSteps(steps);
          const { documents, versions } = await project(events);
          const { from, to } = period(start, days);
          const now = await pipelineForecast(
            documents,
            { from, to, asOf: null, now: NOW },
            versions,
          );
          expect(asOracleForecast(now)).toEqual(oracleForecast(events, from, to));
          for (const asOf of instants(events, at)) {
            const then = await pipelineForecast(documents, { from, to, asOf, now: NOW }, versions);
            expect(asOracleForecast(then)).toEqual(oracleForecast(events, from, to, asOf));
          }
        },
      ),
      { numRuns: runs },
    );
  });
};
