import fc from 'fast-check';
import type { RecordedEvent } from '@crm/eventsourcing';
import { InMemoryProjectionContext } from '@crm/eventsourcing';
import { pipelineProjections } from '../../pipeline-read-side';
import type { StageEntryDocument } from '../../projections/pipeline-board.document';
import { STAGE_HISTORY } from '../../projections/pipeline-board.document';
import type { PipelineDefinitionDocument } from '../../projections/pipeline-definitions.projection';
import {
  PIPELINE_DEFINITIONS,
  definitionAt,
} from '../../projections/pipeline-definitions.projection';
import { expectedConversion, expectedWinRate } from '../../testing/conversion-expectations';
import { PIPELINE_IDS, pipelineSteps, runSteps } from '../../testing/pipeline-history.arbitrary';
import type { Window } from '../period';
import { stageConversionReport } from './stage-conversion';
import { WIN_RATE_KEYS, winRateReport } from './win-rate';

const kindOf = (stageId: string) =>
  stageId === 'won' ? 'won' : stageId === 'lost' ? 'lost' : 'open';

/** Instants around the history: each event's, a millisecond either side, and well past the end. */
const instantsOf = (events: readonly RecordedEvent[]): string[] => {
  const times = events.map((e) => Date.parse(String(e.data.at)));
  const last = Math.max(...times);
  return [...new Set([...times.flatMap((t) => [t - 1, t, t + 1]), last + 86_400_000])]
    .sort((a, b) => a - b)
    .map((t) => new Date(t).toISOString());
};

/** A period and an asOf picked among those instants; `now` puts asOf after everything. */
const windowArbitrary = fc.record({
  from: fc.nat(),
  to: fc.nat(),
  asOf: fc.option(fc.nat(), { nil: undefined }),
});
const pick = (
  instants: readonly string[],
  picks: { from: number; to: number; asOf?: number },
): Window => {
  const at = (i: number) => instants[i % instants.length] ?? '';
  const [from, to] = [at(picks.from), at(picks.to)].sort();
  return {
    from: from ?? '',
    to: to ?? '',
    asOf: picks.asOf === undefined ? instants[instants.length - 1]! : at(picks.asOf),
  };
};

const withoutNames = <T extends { name: string; kind: string }>(rows: T[]) =>
  rows.map(({ name: _name, kind: _kind, ...rest }) => rest);

describe('stage conversion and win rate (property, against the independent fold)', () => {
  it('count every stay of the period by where it went, now and as of any instant', async () => {
    await fc.assert(
      fc.asyncProperty(pipelineSteps(), windowArbitrary, async (steps, picks) => {
        const events = runSteps(steps);
        const context = await InMemoryProjectionContext.fold(pipelineProjections, events);
        const window = pick(instantsOf(events), picks);
        for (const pipelineId of PIPELINE_IDS) {
          const document = await context.get<PipelineDefinitionDocument>(
            PIPELINE_DEFINITIONS,
            pipelineId,
          );
          const definition = document && definitionAt(document, window.asOf);
          if (!document || !definition) continue;
          const stays = context
            .all<StageEntryDocument>(STAGE_HISTORY)
            .filter((s) => s.pipelineId === pipelineId);
          const sut = stageConversionReport(definition, document.versions, stays, window);
          expect(withoutNames(sut.stages)).toEqual(
            expectedConversion(events, pipelineId, window, kindOf),
          );
          expect(sut.version).toBe(definition.version);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('count the deals closed in the period as known at asOf, by owner, source and campaign', async () => {
    await fc.assert(
      fc.asyncProperty(
        pipelineSteps(),
        windowArbitrary,
        fc.constantFrom(...WIN_RATE_KEYS),
        fc.option(fc.constantFrom(...PIPELINE_IDS), { nil: undefined }),
        async (steps, picks, by, pipelineId) => {
          const events = runSteps(steps);
          const context = await InMemoryProjectionContext.fold(pipelineProjections, events);
          const window = pick(instantsOf(events), picks);
          const rows = context
            .all<StageEntryDocument>(STAGE_HISTORY)
            .filter((s) => pipelineId === undefined || s.pipelineId === pipelineId);
          const sut = winRateReport(rows, by, pipelineId ?? null, window);
          const expected = expectedWinRate(events, by, window, pipelineId);
          expect(new Map(sut.groups.map(({ key, ...figures }) => [key, figures]))).toEqual(
            expected.groups,
          );
          expect(sut.total).toEqual(expected.total);
          const keys = sut.groups.map((g) => g.key);
          const named = keys.filter((k) => k !== null);
          expect(named).toEqual([...named].sort());
          if (keys.includes(null)) expect(keys[keys.length - 1]).toBeNull();
        },
      ),
      { numRuns: 100 },
    );
  });
});
