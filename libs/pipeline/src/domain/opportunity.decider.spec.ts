import { deciderSpec } from '@crm/eventsourcing/testing';
import { pipelineDefinition, salesStages, stage } from '../testing/pipeline.factories';
import type { Money } from './money';
import type { LossReason, OpportunityEvent } from './opportunity';
import { opportunityStreamId } from './opportunity';
import type { OpportunityCommand } from './opportunity.decider';
import { opportunityDecider } from './opportunity.decider';
import type { PipelineDefinition } from './pipeline-definition';

const spec = deciderSpec(opportunityDecider);
const opportunityId = 'op-1';
const customerId = 'cu-1';
const t0 = '2026-03-01T09:00:00.000Z';
const DAY = 24 * 60 * 60 * 1000;
const later = (days: number): string => new Date(Date.parse(t0) + days * DAY).toISOString();
const on = { opportunityId, customerId };
const eur = (amount: number): Money => ({ amount, currency: 'EUR' });
const v1 = pipelineDefinition();
const v2 = pipelineDefinition({
  version: 2,
  stages: [stage('discover', 5), stage('propose', 60), ...salesStages().slice(3)],
});
const otherPipeline = pipelineDefinition({ pipelineId: 'pl-2' });

const openCommand = (
  overrides: Partial<Extract<OpportunityCommand, { type: 'OpenOpportunity' }>> = {},
) => ({
  type: 'OpenOpportunity' as const,
  ...on,
  title: 'Fleet renewal',
  amount: eur(1_250_000),
  expectedCloseDate: '2026-06-30',
  ownerId: 'rep-1',
  source: 'referral',
  campaignId: null,
  pipeline: v1,
  at: t0,
  ...overrides,
});
const inStage = (stageId: string, probability: number, version = 1) => ({
  pipelineId: 'pl-1',
  pipelineVersion: version,
  stageId,
  probability,
});

const opened = (): OpportunityEvent => ({
  type: 'OpportunityOpened',
  data: {
    ...on,
    at: t0,
    title: 'Fleet renewal',
    amount: eur(1_250_000),
    expectedCloseDate: '2026-06-30',
    ownerId: 'rep-1',
    source: 'referral',
    campaignId: null,
    ...inStage('qualify', 10),
  },
});
const moved = (from: string, to: string, probability: number, at = later(1)): OpportunityEvent => ({
  type: 'OpportunityStageMoved',
  data: { ...on, at, ...inStage(to, probability), fromStageId: from },
});
const won = (at = later(10)): OpportunityEvent => ({
  type: 'OpportunityWon',
  data: { ...on, at, ...inStage('won', 100), amount: eur(1_250_000), orderId: null },
});
const lost = (
  fromStageId = 'propose',
  at = later(10),
  reason: LossReason = 'price',
): OpportunityEvent => ({
  type: 'OpportunityLost',
  data: { ...on, at, ...inStage('lost', 0), reason, fromStageId },
});

const move = (stageId: string, pipeline: PipelineDefinition = v1, at = later(2)) => ({
  type: 'MoveOpportunityStage' as const,
  opportunityId,
  stageId,
  pipeline,
  at,
});
const changeAmount = (amount: Money) => ({
  type: 'ChangeOpportunityAmount' as const,
  opportunityId,
  amount,
  at: later(2),
});
const changeCloseDate = (expectedCloseDate: string) => ({
  type: 'ChangeOpportunityCloseDate' as const,
  opportunityId,
  expectedCloseDate,
  at: later(2),
});
const changeOwner = (ownerId: string) => ({
  type: 'ChangeOpportunityOwner' as const,
  opportunityId,
  ownerId,
  at: later(2),
});
const win = (pipeline: PipelineDefinition = v1, orderId: string | null = null) => ({
  type: 'WinOpportunity' as const,
  opportunityId,
  orderId,
  pipeline,
  at: later(3),
});
const lose = (reason: LossReason = 'competitor', pipeline: PipelineDefinition = v1) => ({
  type: 'LoseOpportunity' as const,
  opportunityId,
  reason,
  pipeline,
  at: later(3),
});
const reopen = (at: string, pipeline: PipelineDefinition = v1) => ({
  type: 'ReopenOpportunity' as const,
  opportunityId,
  pipeline,
  at,
});

describe('opportunity decider', () => {
  it('names its stream opportunity-<id>', () => {
    expect(opportunityStreamId('op-1')).toBe('opportunity-op-1');
  });

  describe('given no opportunity', () => {
    it('opens one in the first open stage of the pipeline in force', () => {
      spec.given([]).when(openCommand()).then([opened()]);
    });

    it('keeps the campaign it came from', () => {
      const [event] = opportunityDecider.decide(
        openCommand({ campaignId: 'cmp-7' }),
        opportunityDecider.initialState,
      ) as OpportunityEvent[];
      expect(event?.data).toMatchObject({ campaignId: 'cmp-7' });
    });

    it('accepts the largest amount, 10^15 minor units', () => {
      const amount = eur(1_000_000_000_000_000);
      const [event] = opportunityDecider.decide(
        openCommand({ amount }),
        opportunityDecider.initialState,
      ) as OpportunityEvent[];
      expect(event?.data).toMatchObject({ amount });
    });

    it.each([
      ['above 10^15', 1_000_000_000_000_001],
      ['negative', -1],
      ['fractional', 10.5],
    ])('refuses an amount %s', (_label, amount) => {
      spec
        .given([])
        .when(openCommand({ amount: eur(amount) }))
        .thenFails('INVALID_AMOUNT');
    });

    it.each(['eur', 'EURO', ''])('refuses the currency %p', (currency) => {
      const amount = { amount: 100, currency };
      spec.given([]).when(openCommand({ amount })).thenFails('INVALID_CURRENCY');
    });

    it.each(['2026-02-30', '30/06/2026', '2026-06-30T00:00:00Z'])(
      'refuses the close date %p',
      (expectedCloseDate) => {
        spec.given([]).when(openCommand({ expectedCloseDate })).thenFails('INVALID_CLOSE_DATE');
      },
    );

    it('refuses an empty title', () => {
      spec
        .given([])
        .when(openCommand({ title: ' ' }))
        .thenFails('OPPORTUNITY_TITLE_EMPTY');
    });

    it('refuses a pipeline with no open stage', () => {
      const pipeline = pipelineDefinition({ stages: salesStages().slice(3) });
      spec.given([]).when(openCommand({ pipeline })).thenFails('PIPELINE_DEFINITION_INCOMPLETE');
    });

    it.each([
      ['move', move('propose')],
      ['change the amount of', changeAmount(eur(1))],
      ['change the close date of', changeCloseDate('2026-07-01')],
      ['change the owner of', changeOwner('rep-2')],
      ['win', win()],
      ['lose', lose()],
      ['reopen', reopen(later(1))],
    ])('refuses to %s an opportunity that does not exist', (_action, command) => {
      spec.given([]).when(command).thenFails('OPPORTUNITY_NOT_FOUND');
    });
  });

  describe('given an open opportunity', () => {
    it('refuses to open it again', () => {
      spec.given([opened()]).when(openCommand()).thenFails('OPPORTUNITY_ALREADY_EXISTS');
    });

    it('moves it to another open stage, with that stage probability and the definition version', () => {
      spec
        .given([opened()])
        .when(move('negotiate', v1, later(1)))
        .then([moved('qualify', 'negotiate', 80)]);
    });

    it('moves it by the definition in force now, not the one it was opened under', () => {
      spec
        .given([opened()])
        .when(move('propose', v2, later(1)))
        .then([
          {
            type: 'OpportunityStageMoved',
            data: { ...on, at: later(1), ...inStage('propose', 60, 2), fromStageId: 'qualify' },
          },
        ]);
    });

    it('records nothing when moved to the stage it is in', () => {
      spec.given([opened()]).when(move('qualify')).then([]);
    });

    it('refuses a stage the pipeline does not have', () => {
      spec.given([opened()]).when(move('demo')).thenFails('UNKNOWN_STAGE', /demo/);
    });

    it('refuses a stage removed by a later definition', () => {
      spec.given([opened()]).when(move('negotiate', v2)).thenFails('UNKNOWN_STAGE');
    });

    it.each(['won', 'lost'])(
      'refuses a move to the %s stage: winning and losing are commands',
      (stageId) => {
        spec.given([opened()]).when(move(stageId)).thenFails('STAGE_IS_TERMINAL');
      },
    );

    it('refuses another pipeline definition', () => {
      spec.given([opened()]).when(move('propose', otherPipeline)).thenFails('WRONG_PIPELINE');
    });

    it('changes the amount', () => {
      spec
        .given([opened()])
        .when(changeAmount(eur(900_000)))
        .then([
          { type: 'OpportunityAmountChanged', data: { ...on, at: later(2), amount: eur(900_000) } },
        ]);
    });

    it('changes the currency with the amount', () => {
      const usd = { amount: 1_250_000, currency: 'USD' };
      spec
        .given([opened()])
        .when(changeAmount(usd))
        .then([{ type: 'OpportunityAmountChanged', data: { ...on, at: later(2), amount: usd } }]);
    });

    it('records nothing when the amount is the same', () => {
      spec
        .given([opened()])
        .when(changeAmount(eur(1_250_000)))
        .then([]);
    });

    it('refuses an invalid amount change', () => {
      spec
        .given([opened()])
        .when(changeAmount(eur(-5)))
        .thenFails('INVALID_AMOUNT');
    });

    it('changes the expected close date', () => {
      spec
        .given([opened()])
        .when(changeCloseDate('2026-09-30'))
        .then([
          {
            type: 'OpportunityCloseDateChanged',
            data: { ...on, at: later(2), expectedCloseDate: '2026-09-30' },
          },
        ]);
    });

    it('records nothing when the close date is the same', () => {
      spec.given([opened()]).when(changeCloseDate('2026-06-30')).then([]);
    });

    it('refuses a close date that is not a calendar date', () => {
      spec.given([opened()]).when(changeCloseDate('2026-13-01')).thenFails('INVALID_CLOSE_DATE');
    });

    it('changes the owner', () => {
      spec
        .given([opened()])
        .when(changeOwner('rep-2'))
        .then([
          { type: 'OpportunityOwnerChanged', data: { ...on, at: later(2), ownerId: 'rep-2' } },
        ]);
    });

    it('records nothing when the owner is the same', () => {
      spec.given([opened()]).when(changeOwner('rep-1')).then([]);
    });

    it('wins it into the won stage with its current amount', () => {
      spec
        .given([opened(), changeToAmount(2_000_000)])
        .when(win())
        .then([
          {
            type: 'OpportunityWon',
            data: {
              ...on,
              at: later(3),
              ...inStage('won', 100),
              amount: eur(2_000_000),
              orderId: null,
            },
          },
        ]);
    });

    it('records the order placed with the win', () => {
      spec
        .given([opened()])
        .when(win(v1, 'order-7'))
        .then([
          {
            type: 'OpportunityWon',
            data: {
              ...on,
              at: later(3),
              ...inStage('won', 100),
              amount: eur(1_250_000),
              orderId: 'order-7',
            },
          },
        ]);
    });

    it('refuses to win by another pipeline definition', () => {
      spec.given([opened()]).when(win(otherPipeline)).thenFails('WRONG_PIPELINE');
    });

    it('refuses to win by a definition without a won stage', () => {
      const pipeline = pipelineDefinition({
        stages: salesStages().filter((s) => s.kind !== 'won'),
      });
      spec.given([opened()]).when(win(pipeline)).thenFails('PIPELINE_DEFINITION_INCOMPLETE', /won/);
    });

    it('loses it into the lost stage with a reason and the stage it was lost from', () => {
      spec
        .given([opened(), moved('qualify', 'propose', 50)])
        .when(lose('competitor'))
        .then([lost('propose', later(3), 'competitor')]);
    });

    it('refuses a loss reason that is not on the list', () => {
      spec
        .given([opened()])
        .when(lose('bad vibes' as LossReason))
        .thenFails('INVALID_LOSS_REASON', /price, competitor/);
    });

    it('refuses to lose by a definition without a lost stage', () => {
      const pipeline = pipelineDefinition({
        stages: salesStages().filter((s) => s.kind !== 'lost'),
      });
      spec
        .given([opened()])
        .when(lose('price', pipeline))
        .thenFails('PIPELINE_DEFINITION_INCOMPLETE');
    });

    it('refuses to reopen it: only a lost one reopens', () => {
      spec
        .given([opened()])
        .when(reopen(later(1)))
        .thenFails('OPPORTUNITY_NOT_LOST', /open/);
    });
  });

  describe('given a won opportunity', () => {
    it.each([
      ['move', move('propose')],
      ['change the amount of', changeAmount(eur(1))],
      ['change the close date of', changeCloseDate('2026-07-01')],
      ['change the owner of', changeOwner('rep-2')],
      ['win', win()],
      ['lose', lose()],
    ])('refuses to %s it: won is final', (action, command) => {
      spec
        .given([opened(), won()])
        .when(command)
        .thenFails('OPPORTUNITY_ALREADY_WON', new RegExp(action));
    });

    it('refuses to reopen it', () => {
      spec
        .given([opened(), won()])
        .when(reopen(later(11)))
        .thenFails('OPPORTUNITY_NOT_LOST', /won/);
    });

    it('refuses to open it again', () => {
      spec.given([opened(), won()]).when(openCommand()).thenFails('OPPORTUNITY_ALREADY_EXISTS');
    });
  });

  describe('given a lost opportunity', () => {
    const lostAt = later(10);
    const history = () => [opened(), moved('qualify', 'propose', 50), lost('propose', lostAt)];

    it.each([
      ['move', move('propose')],
      ['change the amount of', changeAmount(eur(1))],
      ['change the close date of', changeCloseDate('2026-07-01')],
      ['change the owner of', changeOwner('rep-2')],
      ['win', win()],
      ['lose', lose()],
    ])('refuses to %s it until it is reopened', (_action, command) => {
      spec
        .given(history())
        .when(command)
        .thenFails('OPPORTUNITY_ALREADY_LOST', /reopen it first/);
    });

    it('reopens it into the stage it was lost from', () => {
      const at = later(20);
      spec
        .given(history())
        .when(reopen(at))
        .then([{ type: 'OpportunityReopened', data: { ...on, at, ...inStage('propose', 50) } }]);
    });

    it(`reopens it on the last day of the ${90}-day window`, () => {
      const at = new Date(Date.parse(lostAt) + 90 * DAY).toISOString();
      spec
        .given(history())
        .when(reopen(at))
        .then([{ type: 'OpportunityReopened', data: { ...on, at, ...inStage('propose', 50) } }]);
    });

    it('refuses to reopen it after the 90-day window', () => {
      const at = new Date(Date.parse(lostAt) + 90 * DAY + 1).toISOString();
      spec
        .given(history())
        .when(reopen(at))
        .thenFails('REOPEN_WINDOW_EXPIRED', /2026-06-09/);
    });

    it('reopens it into the first open stage when the stage it was lost from no longer exists', () => {
      const pipeline = pipelineDefinition({
        version: 2,
        stages: [stage('discover', 5), ...salesStages().slice(2)],
      });
      spec
        .given(history())
        .when(reopen(later(20), pipeline))
        .then([
          {
            type: 'OpportunityReopened',
            data: { ...on, at: later(20), ...inStage('discover', 5, 2) },
          },
        ]);
    });

    it('reopens it into the first open stage when the stage it was lost from is now terminal', () => {
      const stages = [stage('qualify', 10), stage('propose', 100, 'won'), stage('lost', 0, 'lost')];
      const pipeline = pipelineDefinition({ version: 3, stages });
      spec
        .given(history())
        .when(reopen(later(20), pipeline))
        .then([
          {
            type: 'OpportunityReopened',
            data: { ...on, at: later(20), ...inStage('qualify', 10, 3) },
          },
        ]);
    });

    it('refuses to reopen it by another pipeline definition', () => {
      spec
        .given(history())
        .when(reopen(later(20), otherPipeline))
        .thenFails('WRONG_PIPELINE');
    });

    it('can be worked on again once reopened', () => {
      const reopened: OpportunityEvent = {
        type: 'OpportunityReopened',
        data: { ...on, at: later(20), ...inStage('propose', 50) },
      };
      spec
        .given([...history(), reopened])
        .when(move('negotiate', v1, later(21)))
        .then([moved('propose', 'negotiate', 80, later(21))]);
    });
  });
});

function changeToAmount(amount: number): OpportunityEvent {
  return { type: 'OpportunityAmountChanged', data: { ...on, at: later(1), amount: eur(amount) } };
}
