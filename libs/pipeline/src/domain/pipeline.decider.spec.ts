import { deciderSpec } from '@crm/eventsourcing/testing';
import { salesStages, stage } from '../testing/pipeline.factories';
import type { PipelineEvent } from './pipeline';
import { pipelineStreamId } from './pipeline';
import type { Stage } from './pipeline-definition';
import { pipelineDecider } from './pipeline.decider';

const spec = deciderSpec(pipelineDecider);
const pipelineId = 'pl-1';
const t0 = '2026-01-05T09:00:00.000Z';
const t1 = '2026-02-01T09:00:00.000Z';

const define = (stages: readonly Stage[] = salesStages(), name = 'New business') => ({
  type: 'DefinePipeline' as const,
  pipelineId,
  name,
  stages,
  at: t0,
});
const change = (stages: readonly Stage[], name = 'New business') => ({
  type: 'ChangePipeline' as const,
  pipelineId,
  name,
  stages,
  at: t1,
});
const defined = (stages: readonly Stage[] = salesStages()): PipelineEvent => ({
  type: 'PipelineDefined',
  data: { pipelineId, version: 1, name: 'New business', stages, at: t0 },
});
const withDemo = (): Stage[] => [
  stage('qualify', 10),
  stage('demo', 30),
  ...salesStages().slice(1),
];

describe('pipeline decider', () => {
  it('names its stream pipeline-<id>', () => {
    expect(pipelineStreamId('pl-1')).toBe('pipeline-pl-1');
  });

  describe('given no pipeline', () => {
    it('defines a pipeline as version 1 with its stages in order', () => {
      spec.given([]).when(define()).then([defined()]);
    });

    it('refuses to change a pipeline that does not exist', () => {
      spec.given([]).when(change(withDemo())).thenFails('PIPELINE_NOT_FOUND');
    });

    it('refuses a definition without a name', () => {
      spec.given([]).when(define(salesStages(), '  ')).thenFails('PIPELINE_NAME_EMPTY');
    });

    it('refuses two stages with the same id', () => {
      const stages = [stage('qualify', 10), stage('qualify', 20), ...salesStages().slice(3)];
      spec
        .given([])
        .when(define(stages))
        .thenFails('PIPELINE_STAGE_IDS_NOT_UNIQUE', /qualify/);
    });

    it.each([-1, 101, 12.5])('refuses a stage probability of %p', (probability) => {
      const stages = [stage('qualify', probability), ...salesStages().slice(3)];
      spec.given([]).when(define(stages)).thenFails('STAGE_PROBABILITY_OUT_OF_RANGE');
    });

    it('accepts the bounds 0 and 100 as probabilities', () => {
      const stages = [stage('cold', 0), stage('signed', 100), ...salesStages().slice(3)];
      spec
        .given([])
        .when(define(stages))
        .then([defined(stages)]);
    });

    it('refuses a pipeline without a won stage', () => {
      const stages = salesStages().filter((s) => s.kind !== 'won');
      spec.given([]).when(define(stages)).thenFails('PIPELINE_NEEDS_ONE_WON_STAGE');
    });

    it('refuses a pipeline with two won stages', () => {
      const stages = [...salesStages(), stage('won-again', 100, 'won')];
      spec.given([]).when(define(stages)).thenFails('PIPELINE_NEEDS_ONE_WON_STAGE', /2 won/);
    });

    it('refuses a pipeline without a lost stage', () => {
      const stages = salesStages().filter((s) => s.kind !== 'lost');
      spec.given([]).when(define(stages)).thenFails('PIPELINE_NEEDS_ONE_LOST_STAGE');
    });

    it('refuses a pipeline with two lost stages', () => {
      const stages = [...salesStages(), stage('lost-again', 0, 'lost')];
      spec.given([]).when(define(stages)).thenFails('PIPELINE_NEEDS_ONE_LOST_STAGE');
    });

    it('refuses a pipeline with only terminal stages', () => {
      const stages = salesStages().filter((s) => s.kind !== 'open');
      spec.given([]).when(define(stages)).thenFails('PIPELINE_NEEDS_AN_OPEN_STAGE');
    });
  });

  describe('given a defined pipeline', () => {
    it('refuses to define it again', () => {
      spec
        .given([defined()])
        .when(define())
        .thenFails('PIPELINE_ALREADY_EXISTS', /version 1/);
    });

    it('changes its stages as the next version, keeping the whole definition on the event', () => {
      spec
        .given([defined()])
        .when(change(withDemo()))
        .then([
          {
            type: 'PipelineChanged',
            data: { pipelineId, version: 2, name: 'New business', stages: withDemo(), at: t1 },
          },
        ]);
    });

    it('counts versions across changes', () => {
      const changedOnce: PipelineEvent = {
        type: 'PipelineChanged',
        data: { pipelineId, version: 2, name: 'New business', stages: withDemo(), at: t1 },
      };
      spec
        .given([defined(), changedOnce])
        .when(change(salesStages(), 'Renewals'))
        .then([
          {
            type: 'PipelineChanged',
            data: { pipelineId, version: 3, name: 'Renewals', stages: salesStages(), at: t1 },
          },
        ]);
    });

    it('renames it as a change', () => {
      spec
        .given([defined()])
        .when(change(salesStages(), 'Upsell'))
        .then([
          {
            type: 'PipelineChanged',
            data: { pipelineId, version: 2, name: 'Upsell', stages: salesStages(), at: t1 },
          },
        ]);
    });

    it('records nothing when the definition is the same', () => {
      spec.given([defined()]).when(change(salesStages())).then([]);
    });

    it('refuses a change that breaks the rules, as a definition would be refused', () => {
      const stages = salesStages().filter((s) => s.kind !== 'won');
      spec.given([defined()]).when(change(stages)).thenFails('PIPELINE_NEEDS_ONE_WON_STAGE');
    });

    it('refuses a change that removes the name', () => {
      spec.given([defined()]).when(change(salesStages(), '')).thenFails('PIPELINE_NAME_EMPTY');
    });
  });
});

describe('pipeline decider, stage order', () => {
  it('treats reordered stages as a change', () => {
    const reordered = [stage('propose', 50), stage('qualify', 10), ...salesStages().slice(2)];
    spec
      .given([defined()])
      .when(change(reordered))
      .then([
        {
          type: 'PipelineChanged',
          data: { pipelineId, version: 2, name: 'New business', stages: reordered, at: t1 },
        },
      ]);
  });

  it('treats a changed probability as a change', () => {
    const stages = [stage('qualify', 15), ...salesStages().slice(1)];
    spec
      .given([defined()])
      .when(change(stages))
      .then([
        {
          type: 'PipelineChanged',
          data: { pipelineId, version: 2, name: 'New business', stages, at: t1 },
        },
      ]);
  });
});
