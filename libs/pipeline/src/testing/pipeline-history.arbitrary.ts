import fc from 'fast-check';
import type { RecordedEvent } from '@crm/eventsourcing';
import { fold, isDomainError } from '@crm/eventsourcing';
import type { ActivityEvent } from '../domain/activity';
import { activityStreamId } from '../domain/activity';
import type { ActivityCommand } from '../domain/activity.decider';
import { activityDecider } from '../domain/activity.decider';
import type { OpportunityEvent } from '../domain/opportunity';
import { LOSS_REASONS, opportunityStreamId } from '../domain/opportunity';
import type { OpportunityCommand } from '../domain/opportunity.decider';
import { opportunityDecider } from '../domain/opportunity.decider';
import type { PipelineEvent, PipelineState } from '../domain/pipeline';
import { pipelineStreamId } from '../domain/pipeline';
import type { PipelineCommand } from '../domain/pipeline.decider';
import { pipelineDecider } from '../domain/pipeline.decider';
import type { PipelineDefinition, Stage } from '../domain/pipeline-definition';
import { stage } from './pipeline.factories';

export const HISTORY_START = Date.parse('2026-01-01T00:00:00.000Z');
const MINUTE = 60_000;
export const PIPELINE_IDS = ['pl-a', 'pl-b'] as const;
export const OWNERS = ['ann', 'bob', 'cy'] as const;
export const SOURCES = ['web', 'referral'] as const;
export const CAMPAIGNS = [null, 'cmp-1', 'cmp-2'] as const;

/** Definitions a change step can put in force: probabilities move, a stage comes and goes. */
const STAGE_SETS: readonly (readonly Stage[])[] = [
  [
    stage('qualify', 10),
    stage('propose', 50),
    stage('negotiate', 80),
    stage('won', 100, 'won'),
    stage('lost', 0, 'lost'),
  ],
  [
    stage('qualify', 20),
    stage('propose', 40),
    stage('negotiate', 90),
    stage('won', 100, 'won'),
    stage('lost', 0, 'lost'),
  ],
  [
    stage('qualify', 15),
    stage('demo', 35),
    stage('negotiate', 75),
    stage('won', 100, 'won'),
    stage('lost', 0, 'lost'),
  ],
];
const STAGE_IDS = ['qualify', 'propose', 'demo', 'negotiate'] as const;

/** What a test asks for; each step happens `gap` minutes after the previous one (0: same instant). */
export type Step = { gap: number } & (
  | { kind: 'change'; pipeline: number; stages: number }
  | {
      kind: 'open';
      pipeline: number;
      customer: number;
      amount: number;
      currency: string;
      owner: number;
      source: number;
      campaign: number;
      closeDay: number;
    }
  | { kind: 'move'; opportunity: number; stage: number }
  | { kind: 'amount'; opportunity: number; amount: number }
  | { kind: 'closeDate'; opportunity: number; closeDay: number }
  | { kind: 'owner'; opportunity: number; owner: number }
  | { kind: 'win' | 'reopen'; opportunity: number }
  | { kind: 'lose'; opportunity: number; reason: number }
  | { kind: 'task'; customer: number; opportunity: number | null; owner: number; dueIn: number }
  | { kind: 'log'; customer: number; opportunity: number | null; owner: number }
  | { kind: 'complete' | 'reschedule' | 'reassign'; activity: number; owner: number; dueIn: number }
);

// 10 and 20 minor units (0.1 + 0.2 in a float world), and amounts near the limit of 10^15.
const amount = fc.oneof(
  fc.constantFrom(0, 10, 20, 99, 1999),
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.integer({ min: 10 ** 14, max: 10 ** 15 }),
);
const opportunity = fc.nat(11);
const gap = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 * 24 * 20 }));

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      gap,
      kind: fc.constant('change' as const),
      pipeline: fc.nat(1),
      stages: fc.nat(2),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      gap,
      kind: fc.constant('open' as const),
      pipeline: fc.nat(1),
      customer: fc.nat(3),
      amount,
      currency: fc.constantFrom('EUR', 'USD'),
      owner: fc.nat(OWNERS.length - 1),
      source: fc.nat(SOURCES.length - 1),
      campaign: fc.nat(CAMPAIGNS.length - 1),
      closeDay: fc.nat(200),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      gap,
      kind: fc.constant('move' as const),
      opportunity,
      stage: fc.nat(STAGE_IDS.length - 1),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ gap, kind: fc.constant('amount' as const), opportunity, amount }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      gap,
      kind: fc.constant('closeDate' as const),
      opportunity,
      closeDay: fc.nat(200),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      gap,
      kind: fc.constant('owner' as const),
      opportunity,
      owner: fc.nat(OWNERS.length - 1),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      gap,
      kind: fc.constantFrom('win' as const, 'reopen' as const),
      opportunity,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      gap,
      kind: fc.constant('lose' as const),
      opportunity,
      reason: fc.nat(LOSS_REASONS.length - 1),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      gap,
      kind: fc.constantFrom('task' as const, 'log' as const),
      customer: fc.nat(3),
      opportunity: fc.option(opportunity, { nil: null }),
      owner: fc.nat(OWNERS.length - 1),
      dueIn: fc.integer({ min: -60 * 24 * 10, max: 60 * 24 * 10 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      gap,
      kind: fc.constantFrom('complete' as const, 'reschedule' as const, 'reassign' as const),
      activity: fc.nat(9),
      owner: fc.nat(OWNERS.length - 1),
      dueIn: fc.integer({ min: -60 * 24 * 10, max: 60 * 24 * 10 }),
    }),
  },
);

export const pipelineSteps = (maxLength = 80): fc.Arbitrary<Step[]> =>
  fc.array(step, { minLength: 1, maxLength, size: 'max' });

export const customerIdOf = (index: number): string =>
  `00000000-0000-4000-8000-00000000000${index}`;
const opportunityIdOf = (index: number): string =>
  `20000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
const activityIdOf = (index: number): string =>
  `30000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
const dayOf = (day: number): string =>
  new Date(HISTORY_START + day * 86_400_000).toISOString().slice(0, 10);

type AnyEvent = PipelineEvent | OpportunityEvent | ActivityEvent;

/** A legal history: every step goes through the real deciders, refused ones leave nothing. */
export class HistoryBuilder {
  readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, AnyEvent[]>();
  private readonly opportunities: string[] = [];
  private readonly activities: string[] = [];
  private clock = HISTORY_START;

  constructor() {
    PIPELINE_IDS.forEach((pipelineId, i) =>
      this.pipeline({
        type: 'DefinePipeline',
        pipelineId,
        name: `Pipeline ${i}`,
        stages: STAGE_SETS[i] ?? [],
        at: this.now(),
      }),
    );
  }

  run(steps: readonly Step[]): RecordedEvent[] {
    for (const s of steps) {
      this.clock += s.gap * MINUTE;
      this.step(s);
    }
    return this.log;
  }

  private now(): string {
    return new Date(this.clock).toISOString();
  }

  private definition(pipelineId: string): PipelineDefinition {
    const state: PipelineState = fold(
      pipelineDecider,
      this.stream(pipelineStreamId(pipelineId)) as PipelineEvent[],
    );
    if (state.status === 'none') throw new Error(`${pipelineId} is not defined`);
    return { pipelineId, version: state.version, name: state.name, stages: state.stages };
  }

  private stream(id: string): AnyEvent[] {
    const events = this.streams.get(id) ?? [];
    this.streams.set(id, events);
    return events;
  }

  private append(streamId: string, events: readonly AnyEvent[]): void {
    const stream = this.stream(streamId);
    for (const event of events) {
      stream.push(event);
      const position = (this.log.length + 1) * 3; // gaps: positions are not dense
      this.log.push({
        streamId,
        revision: stream.length - 1,
        position,
        type: event.type,
        data: event.data,
        metadata: {
          eventId: `e-${position}`,
          commandId: `c-${position}`,
          correlationId: `r-${position}`,
          causationId: `c-${position}`,
          actor: { id: 'test', role: 'service' },
          occurredAt: this.now(),
          schemaVersion: 1,
        },
        recordedAt: this.now(),
      });
    }
  }

  private pipeline(command: PipelineCommand): void {
    const streamId = pipelineStreamId(command.pipelineId);
    const decision = pipelineDecider.decide(
      command,
      fold(pipelineDecider, this.stream(streamId) as PipelineEvent[]),
    );
    if (!isDomainError(decision)) this.append(streamId, decision);
  }

  private opportunity(command: OpportunityCommand): boolean {
    const streamId = opportunityStreamId(command.opportunityId);
    const events = this.stream(streamId) as OpportunityEvent[];
    const decision = opportunityDecider.decide(command, fold(opportunityDecider, events));
    if (isDomainError(decision)) return false;
    this.append(streamId, decision);
    return true;
  }

  private activity(command: ActivityCommand): boolean {
    const streamId = activityStreamId(command.activityId);
    const events = this.stream(streamId) as ActivityEvent[];
    const decision = activityDecider.decide(command, fold(activityDecider, events));
    if (isDomainError(decision)) return false;
    this.append(streamId, decision);
    return true;
  }

  private pipelineOf(opportunityId: string): PipelineDefinition | null {
    const state = fold(
      opportunityDecider,
      this.stream(opportunityStreamId(opportunityId)) as OpportunityEvent[],
    );
    return state.status === 'none' ? null : this.definition(state.pipelineId);
  }

  private step(s: Step): void {
    const at = this.now();
    switch (s.kind) {
      case 'change': {
        const pipelineId = PIPELINE_IDS[s.pipeline] ?? 'pl-a';
        this.pipeline({
          type: 'ChangePipeline',
          pipelineId,
          name: `Pipeline ${s.pipeline}`,
          stages: STAGE_SETS[s.stages] ?? [],
          at,
        });
        return;
      }
      case 'open': {
        const opportunityId = opportunityIdOf(this.opportunities.length);
        const opened = this.opportunity({
          type: 'OpenOpportunity',
          opportunityId,
          customerId: customerIdOf(s.customer),
          title: `Deal ${this.opportunities.length}`,
          amount: { amount: s.amount, currency: s.currency },
          expectedCloseDate: dayOf(s.closeDay),
          ownerId: OWNERS[s.owner] ?? 'ann',
          source: SOURCES[s.source] ?? 'web',
          campaignId: CAMPAIGNS[s.campaign] ?? null,
          pipeline: this.definition(PIPELINE_IDS[s.pipeline] ?? 'pl-a'),
          at,
        });
        if (opened) this.opportunities.push(opportunityId);
        return;
      }
      case 'task':
      case 'log': {
        const activityId = activityIdOf(this.activities.length);
        const opportunityId =
          s.opportunity === null ? null : (this.opportunities[s.opportunity] ?? null);
        const base = {
          activityId,
          customerId: customerIdOf(s.customer),
          opportunityId,
          subject: `About ${activityId}`,
          notes: 'private',
          at,
        };
        const done =
          s.kind === 'task'
            ? this.activity({
                ...base,
                type: 'ScheduleTask',
                dueAt: new Date(this.clock + s.dueIn * MINUTE).toISOString(),
                assigneeId: OWNERS[s.owner] ?? 'ann',
              })
            : this.activity({
                ...base,
                type: 'LogActivity',
                kind: 'call',
                occurredAt: at,
                loggedBy: OWNERS[s.owner] ?? 'ann',
              });
        if (done) this.activities.push(activityId);
        return;
      }
      case 'complete':
      case 'reschedule':
      case 'reassign': {
        const activityId = this.activities[s.activity % Math.max(1, this.activities.length)];
        if (!activityId) return;
        if (s.kind === 'complete')
          this.activity({
            type: 'CompleteTask',
            activityId,
            completedBy: OWNERS[s.owner] ?? 'ann',
            at,
          });
        else if (s.kind === 'reschedule')
          this.activity({
            type: 'RescheduleTask',
            activityId,
            dueAt: new Date(this.clock + s.dueIn * MINUTE).toISOString(),
            at,
          });
        else
          this.activity({
            type: 'ReassignTask',
            activityId,
            assigneeId: OWNERS[s.owner] ?? 'ann',
            at,
          });
        return;
      }
      case 'move':
      case 'amount':
      case 'closeDate':
      case 'owner':
      case 'win':
      case 'reopen':
      case 'lose':
        this.onOpportunity(s, at);
    }
  }

  private onOpportunity(s: Extract<Step, { opportunity: number }>, at: string): void {
    const opportunityId =
      this.opportunities[s.opportunity % Math.max(1, this.opportunities.length)];
    if (!opportunityId) return;
    const pipeline = this.pipelineOf(opportunityId);
    if (!pipeline) return;
    switch (s.kind) {
      case 'move':
        this.opportunity({
          type: 'MoveOpportunityStage',
          opportunityId,
          stageId: STAGE_IDS[s.stage] ?? 'qualify',
          pipeline,
          at,
        });
        return;
      case 'amount': {
        const state = fold(
          opportunityDecider,
          this.stream(opportunityStreamId(opportunityId)) as OpportunityEvent[],
        );
        if (state.status === 'none') return;
        this.opportunity({
          type: 'ChangeOpportunityAmount',
          opportunityId,
          amount: { amount: s.amount, currency: state.amount.currency },
          at,
        });
        return;
      }
      case 'closeDate':
        this.opportunity({
          type: 'ChangeOpportunityCloseDate',
          opportunityId,
          expectedCloseDate: dayOf(s.closeDay),
          at,
        });
        return;
      case 'owner':
        this.opportunity({
          type: 'ChangeOpportunityOwner',
          opportunityId,
          ownerId: OWNERS[s.owner] ?? 'ann',
          at,
        });
        return;
      case 'win':
        this.opportunity({
          type: 'WinOpportunity',
          opportunityId,
          orderId: s.opportunity % 2 === 0 ? `order-${opportunityId}` : null,
          pipeline,
          at,
        });
        return;
      case 'reopen':
        this.opportunity({ type: 'ReopenOpportunity', opportunityId, pipeline, at });
        return;
      case 'lose':
        this.opportunity({
          type: 'LoseOpportunity',
          opportunityId,
          reason: LOSS_REASONS[s.reason] ?? 'other',
          pipeline,
          at,
        });
        return;
      default:
        return;
    }
  }
}

export const runSteps = (steps: readonly Step[]): RecordedEvent[] =>
  new HistoryBuilder().run(steps);
