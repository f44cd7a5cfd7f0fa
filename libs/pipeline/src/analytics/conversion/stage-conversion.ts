import type { Stage, StageKind } from '../../domain/pipeline-definition';
import type { StageEntryDocument } from '../../projections/pipeline-board.document';
import type { DefinitionVersion } from '../../projections/pipeline-definitions.projection';
import type { DurationSummary } from './durations';
import { HOUR_MS, summarise } from './durations';
import { stageAt } from '../pipeline-at';
import type { Window } from '../period';
import { knownAt, lastCounted } from '../period';

/**
 * What the conversion reads of a stay: its stage, its entry, and its exit if any. Rows written
 * before `nextStageKind` and `nextPipelineVersion` existed lack them (see `moveOf`).
 */
export type Stay = Pick<
  StageEntryDocument,
  'stageId' | 'stageKind' | 'enteredAt' | 'exitedAt' | 'nextStageId'
> &
  Partial<Pick<StageEntryDocument, 'nextStageKind' | 'nextPipelineVersion'>>;

/** Where a stay ended, as known at asOf. */
export type Exit = 'movedForward' | 'movedBack' | 'won' | 'lost' | 'reopened';

export type StageConversion = {
  stageId: string;
  name: string;
  kind: StageKind;
  /** Not a stage of the definition in force at asOf (stays from before a change). */
  retired: boolean;
  entered: number;
  movedForward: number;
  movedBack: number;
  won: number;
  lost: number;
  reopened: number;
  stillIn: number;
  /** (movedForward + won) / (movedForward + movedBack + won + lost); null for none or a terminal stage. */
  conversion: number | null;
  /** Over the finished stays (exit known at asOf): exit − entry, in hours. */
  timeInStage: { count: number; medianHours: number | null; p90Hours: number | null };
};

export type ConversionReport = {
  pipelineId: string;
  name: string;
  version: number;
  from: string;
  to: string;
  asOf: string;
  stages: StageConversion[];
};

/** A ratio rounded half up to 4 decimals (a ratio, not money). */
export const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000;

/**
 * The definition a finished stay's move out was decided under and the next stage's kind: as the
 * row records them; a row written before it recorded them gets them from the definition in force
 * at its exit (the one the handler read to decide the move; `versions` are oldest first).
 */
const moveOf = (
  stay: Stay,
  exitedAt: string,
  versions: readonly DefinitionVersion[],
): { stages: readonly Stage[]; nextKind: StageKind } => {
  const decided =
    stay.nextPipelineVersion === undefined || stay.nextPipelineVersion === null
      ? versions.findLast((v) => Date.parse(v.from) <= Date.parse(exitedAt))
      : versions.find((v) => v.version === stay.nextPipelineVersion);
  const stages = decided?.stages ?? [];
  const nextKind =
    stay.nextStageKind ??
    stages.find((s) => s.stageId === stay.nextStageId)?.kind ??
    versions.flatMap((v) => v.stages).find((s) => s.stageId === stay.nextStageId)?.kind ??
    'open';
  return { stages, nextKind };
};

/**
 * A move between open stages goes forward when the next stage comes later in the definition the
 * move was decided under (`moveOf`); a stage that definition lacks (a retired one) ranks before
 * all of its stages, so leaving it for a current stage is forward.
 */
const exitOf = (stay: Stay, exitedAt: string, versions: readonly DefinitionVersion[]): Exit => {
  if (stay.stageKind === 'lost') return 'reopened';
  const { stages, nextKind } = moveOf(stay, exitedAt, versions);
  if (nextKind === 'won' || nextKind === 'lost') return nextKind;
  const rank = (stageId: string | null) => stages.findIndex((s) => s.stageId === stageId);
  return rank(stay.nextStageId) > rank(stay.stageId) ? 'movedForward' : 'movedBack';
};

const inHours = ({ count, median, p90 }: DurationSummary) => ({
  count,
  medianHours: median,
  p90Hours: p90,
});

const emptyCounts = () => ({
  entered: 0,
  movedForward: 0,
  movedBack: 0,
  won: 0,
  lost: 0,
  reopened: 0,
  stillIn: 0,
  durations: [] as number[],
});
type Counts = ReturnType<typeof emptyCounts>;

const stageConversion = (
  stage: Pick<Stage, 'stageId' | 'name' | 'kind'>,
  retired: boolean,
  { durations, ...counts }: Counts,
): StageConversion => {
  const forward = counts.movedForward + counts.won;
  const finished = forward + counts.movedBack + counts.lost;
  return {
    stageId: stage.stageId,
    name: stage.name,
    kind: stage.kind,
    retired,
    ...counts,
    conversion: stage.kind === 'open' ? ratio(forward, finished) : null,
    timeInStage: inHours(summarise(durations, HOUR_MS)),
  };
};

/**
 * Stage conversion and time in stage over the stays that began in the period (and by asOf: a
 * later one did not exist yet). A stay whose exit is after asOf is still in its stage at asOf.
 * Stages in the order of the definition in force at asOf, then stages it no longer has that
 * stays were in, by id. `versions`: every definition of the pipeline, oldest first.
 */
export const stageConversionReport = (
  definition: { pipelineId: string; name: string; version: number; stages: readonly Stage[] },
  versions: readonly DefinitionVersion[],
  stays: readonly Stay[],
  window: Window,
): ConversionReport => {
  const until = lastCounted(window);
  const counts = new Map<string, Counts>();
  const kinds = new Map<string, StageKind>();
  for (const stay of stays) {
    if (stay.enteredAt < window.from || stay.enteredAt > until) continue;
    const c = counts.get(stay.stageId) ?? emptyCounts();
    counts.set(stay.stageId, c);
    kinds.set(stay.stageId, stay.stageKind);
    c.entered += 1;
    if (!knownAt(stay.exitedAt, window.asOf)) {
      c.stillIn += 1;
      continue;
    }
    c[exitOf(stay, stay.exitedAt, versions)] += 1;
    c.durations.push(Date.parse(stay.exitedAt) - Date.parse(stay.enteredAt));
  }
  const current = new Set(definition.stages.map((s) => s.stageId));
  const retired = [...counts.keys()].filter((id) => !current.has(id)).sort();
  const asOfThen = {
    ...definition,
    versions: versions.filter((v) => Date.parse(v.from) <= Date.parse(window.asOf)),
  };
  // Named as the latest definition up to asOf that had it (its id when none did).
  const retiredStage = (stageId: string) => ({
    stageId,
    name: stageAt(asOfThen, stageId)?.stage.name ?? stageId,
    kind: kinds.get(stageId) ?? 'open',
  });
  return {
    pipelineId: definition.pipelineId,
    name: definition.name,
    version: definition.version,
    from: window.from,
    to: window.to,
    asOf: window.asOf,
    stages: [
      ...definition.stages.map((s) =>
        stageConversion(s, false, counts.get(s.stageId) ?? emptyCounts()),
      ),
      ...retired.map((id) =>
        stageConversion(retiredStage(id), true, counts.get(id) ?? emptyCounts()),
      ),
    ],
  };
};
