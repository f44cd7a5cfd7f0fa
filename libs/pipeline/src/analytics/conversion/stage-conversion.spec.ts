import type { Stage } from '../../domain/pipeline-definition';
import type { DefinitionVersion } from '../../projections/pipeline-definitions.projection';
import type { Stay } from './stage-conversion';
import { stageConversionReport } from './stage-conversion';

const stage = (stageId: string, kind: Stage['kind'] = 'open'): Stage => ({
  stageId,
  name: stageId.toUpperCase(),
  probability: kind === 'won' ? 100 : kind === 'lost' ? 0 : 50,
  kind,
});
const version = (n: number, from: string, open: readonly string[]): DefinitionVersion => ({
  version: n,
  name: 'Sales',
  from,
  stages: [...open.map((id) => stage(id)), stage('won', 'won'), stage('lost', 'lost')],
});
const at = (hour: number) => new Date(Date.UTC(2026, 0, 1, hour)).toISOString();

/** A finished stay as rows record it now: the next stage's kind and the version of the move. */
const stay = (stageId: string, next: string, exitHour: number, nextVersion: number): Stay => ({
  stageId,
  stageKind: stageId === 'lost' ? 'lost' : 'open',
  enteredAt: at(exitHour - 1),
  exitedAt: at(exitHour),
  nextStageId: next,
  nextStageKind: next === 'won' ? 'won' : next === 'lost' ? 'lost' : 'open',
  nextPipelineVersion: nextVersion,
});
/** The same stay as a row written before those two fields existed. */
const oldShape = ({ nextStageKind: _k, nextPipelineVersion: _v, ...row }: Stay): Stay => row;

const counts = (stays: readonly Stay[], versions: readonly DefinitionVersion[]) => {
  const current = versions.at(-1)!;
  const report = stageConversionReport({ pipelineId: 'p', ...current }, versions, stays, {
    from: at(0),
    to: at(23),
    asOf: at(23),
  });
  return report.stages.map(({ stageId, movedForward, movedBack, won, lost, reopened }) => ({
    stageId,
    movedForward,
    movedBack,
    won,
    lost,
    reopened,
  }));
};

describe('stage conversion of stage-history rows written before the move was recorded', () => {
  // Version 2 (from 10:00) turns the order of a and b around.
  const versions = [version(1, at(0), ['a', 'b']), version(2, at(10), ['b', 'a'])];
  const stays = [
    stay('a', 'b', 2, 1), // forward under version 1
    stay('b', 'a', 3, 1), // back under version 1
    stay('b', 'won', 4, 1),
    stay('a', 'lost', 5, 1),
    stay('lost', 'a', 6, 1),
    stay('b', 'a', 12, 2), // forward under version 2
    stay('a', 'b', 13, 2), // back under version 2
  ];

  it('counts won, lost and forward exits of old rows as the recorded rows count them', () => {
    const recorded = counts(stays, versions);
    expect(counts(stays.map(oldShape), versions)).toEqual(recorded);
    expect(recorded).toEqual([
      { stageId: 'b', movedForward: 1, movedBack: 1, won: 1, lost: 0, reopened: 0 },
      { stageId: 'a', movedForward: 1, movedBack: 1, won: 0, lost: 1, reopened: 0 },
      { stageId: 'won', movedForward: 0, movedBack: 0, won: 0, lost: 0, reopened: 0 },
      { stageId: 'lost', movedForward: 0, movedBack: 0, won: 0, lost: 0, reopened: 1 },
    ]);
  });

  it('ranks an old row by the definition in force at its exit, not the one in force now', () => {
    const sut = counts([stay('a', 'b', 2, 1)].map(oldShape), versions);
    expect(sut.find((s) => s.stageId === 'a')).toMatchObject({ movedForward: 1, movedBack: 0 });
  });
});
