import type { ExpectedRevision } from '@crm/eventsourcing';
import { isDomainError } from '@crm/eventsourcing';
import type {
  ActivityCommand,
  LossReason,
  OpportunityCommand,
  PipelineCommand,
  PipelineDefinition,
  PipelineState,
  Stage,
} from '@crm/pipeline';
import {
  activityDecider,
  activityStreamId,
  LOSS_REASONS,
  opportunityDecider,
  REOPEN_WINDOW_DAYS,
  opportunityStreamId,
  pipelineDecider,
  pipelineStreamId,
} from '@crm/pipeline';
import type { AnyDecider, ScriptedCommand } from './crm-script';
import { crmScript } from './crm-script';
import { Zipf, pick, seededRandom, seededUuid } from './rng';

const DAY_MS = 24 * 3600 * 1000;
/** Two years of selling, ending at the start of the run's UTC day (so "now" sees the open deals). */
const SPAN_DAYS = 730;

const CURRENCIES = ['EUR', 'EUR', 'EUR', 'USD', 'USD', 'GBP'];
const SOURCES = ['web', 'referral', 'outbound', 'event', 'partner', 'inbound-call'];
const OWNERS = Array.from({ length: 30 }, (_, i) => `rep-${String(i + 1).padStart(2, '0')}`);
/** Campaign ids are uuids, as the marketing context's are. */
const CAMPAIGNS = ((random) => Array.from({ length: 16 }, () => seededUuid(random)))(
  seededRandom(16),
);
const TITLES = ['Renewal', 'Upgrade', 'New licences', 'Pilot', 'Expansion', 'Support plan'];

const stage = (stageId: string, name: string, probability: number, kind: Stage['kind']) => ({
  stageId,
  name,
  probability,
  kind,
});

/** Six stages; a year in, sales management re-weighs the open ones (a `PipelineChanged`). */
const STAGES_V1: Stage[] = [
  stage('qualify', 'Qualify', 10, 'open'),
  stage('discovery', 'Discovery', 25, 'open'),
  stage('proposal', 'Proposal', 50, 'open'),
  stage('negotiation', 'Negotiation', 75, 'open'),
  stage('won', 'Won', 100, 'won'),
  stage('lost', 'Lost', 0, 'lost'),
];
const STAGES_V2: Stage[] = [
  stage('qualify', 'Qualify', 10, 'open'),
  stage('discovery', 'Discovery', 20, 'open'),
  stage('proposal', 'Proposal', 45, 'open'),
  stage('negotiation', 'Negotiation', 80, 'open'),
  stage('won', 'Won', 100, 'won'),
  stage('lost', 'Lost', 0, 'lost'),
];

export type PipelineScriptOptions = { seed: number; customers: number; opportunities: number };

export type PipelineScriptInfo = {
  pipelineId: string;
  customerIds: string[];
  /** First and last instant of the simulated selling (ISO). */
  from: string;
  to: string;
};

type Step = {
  at: number;
  /** Ties broken by creation order, so one deal's steps keep their order. */
  order: number;
  streamId: string;
  customerId: string;
  decider: AnyDecider;
  command: (at: string, pipeline: PipelineDefinition) => unknown;
};

const iso = (ms: number): string => new Date(ms).toISOString();
const day = (ms: number): string => iso(ms).slice(0, 10);
/** Exponential wait with this mean, in ms. */
const wait = (random: () => number, meanDays: number): number =>
  -Math.log(1 - random()) * meanDays * DAY_MS;

/** Where the run's selling ends: the start of today (UTC). */
export const pipelineScriptEnd = (): number => Math.floor(Date.now() / DAY_MS) * DAY_MS;

export const pipelineScriptInfo = (
  options: PipelineScriptOptions,
  end = pipelineScriptEnd(),
): PipelineScriptInfo => {
  const random = seededRandom(options.seed);
  const customerIds = Array.from({ length: options.customers }, () => seededUuid(random));
  const pipelineId = seededUuid(seededRandom(options.seed + 1));
  return { pipelineId, customerIds, from: iso(end - SPAN_DAYS * DAY_MS), to: iso(end) };
};

/**
 * A seeded sales history as decided commands: the customers (as `crmScript` creates them), one
 * pipeline of six stages (re-weighed a year in), then `opportunities` deals opened over two
 * years by customers drawn by Zipf(1.05), each with its own timeline: moves forward through the
 * open stages (exponential waits, a mean of 9 days a stage), dropping out (lost, with a reason)
 * at each stage with some chance, won or lost after negotiation, a few reopened after a loss,
 * some stalled for good; amounts, close dates and owners changed along the way; a logged call
 * on about a third, a follow-up task on about a sixth (most completed). Steps of all deals are
 * interleaved by time; what would happen after the end of the span is not written, so the deals
 * still in progress make up the open pipeline. Every command is decided by the real decider
 * (against the definition in force at its instant); refused ones are left out.
 */
export function* pipelineScript(
  options: PipelineScriptOptions,
  end = pipelineScriptEnd(),
): Generator<ScriptedCommand> {
  const info = pipelineScriptInfo(options, end);
  const start = end - SPAN_DAYS * DAY_MS;
  // The customers first, all created in the few days before the selling starts.
  const customersSpan = 5 * DAY_MS;
  let customerIndex = 0;
  for (const created of crmScript({
    seed: options.seed,
    customers: options.customers,
    flowEvents: 0,
  })) {
    const at = iso(start - customersSpan + (customersSpan * customerIndex) / options.customers);
    customerIndex += 1;
    yield { ...created, at };
  }

  const random = seededRandom(options.seed + 2);
  const zipf = new Zipf(options.customers, random, 1.05);
  const steps: Step[] = [];
  let order = 0;
  const add = (step: Omit<Step, 'order'>): void => {
    if (step.at < end) steps.push({ ...step, order: (order += 1) });
  };

  const { pipelineId } = info;
  const pipelineStream = pipelineStreamId(pipelineId);
  const definitionStep = (at: number, type: PipelineCommand['type'], stages: Stage[]) =>
    add({
      at,
      streamId: pipelineStream,
      customerId: '',
      decider: pipelineDecider,
      command: (when): PipelineCommand => ({
        type,
        pipelineId,
        name: 'New business',
        stages,
        at: when,
      }),
    });
  definitionStep(start, 'DefinePipeline', STAGES_V1);
  definitionStep(start + 365 * DAY_MS, 'ChangePipeline', STAGES_V2);

  const openStages = STAGES_V1.filter((s) => s.kind === 'open').map((s) => s.stageId);
  for (let n = 0; n < options.opportunities; n += 1) {
    const customerId = info.customerIds[zipf.next()] ?? '';
    const opportunityId = seededUuid(random);
    const streamId = opportunityStreamId(opportunityId);
    const on = (at: number, command: (when: string, pipeline: PipelineDefinition) => unknown) =>
      add({ at, streamId, customerId, decider: opportunityDecider, command });
    // Opened uniformly over the span, a little after the pipeline was defined.
    let t = start + DAY_MS + random() * (SPAN_DAYS - 1) * DAY_MS;
    const currency = pick(random, CURRENCIES);
    const major = Math.round(Math.exp(Math.log(500) + random() * Math.log(500)));
    let closeDay = t + (30 + random() * 90) * DAY_MS;
    const ownerId = pick(random, OWNERS);
    const campaignId = random() < 0.4 ? pick(random, CAMPAIGNS) : null;
    const opened = t;
    on(t, (at, pipeline): OpportunityCommand => ({
      type: 'OpenOpportunity',
      opportunityId,
      customerId,
      title: `${pick(random, TITLES)} ${n + 1}`,
      amount: { amount: major * 100, currency },
      expectedCloseDate: day(closeDay),
      ownerId,
      source: pick(random, SOURCES),
      campaignId,
      pipeline,
      at,
    }));
    if (random() < 0.33) logCall(add, random, customerId, opportunityId, opened + wait(random, 3));
    if (random() < 0.17) followUp(add, random, customerId, opportunityId, opened + wait(random, 5));

    const stalls = random() < 0.08;
    let outcome: 'won' | 'lost' | 'open' = 'open';
    let lostFrom = 0;
    for (let index = 1; index <= openStages.length; index += 1) {
      t += wait(random, 9);
      if (random() < 0.12) {
        const changed = Math.max(100, Math.round(major * (0.6 + random() * 0.8)));
        on(t, (at): OpportunityCommand => ({
          type: 'ChangeOpportunityAmount',
          opportunityId,
          amount: { amount: changed * 100, currency },
          at,
        }));
      }
      if ((t > closeDay - 7 * DAY_MS && random() < 0.7) || random() < 0.06) {
        closeDay = t + (14 + random() * 45) * DAY_MS;
        const expectedCloseDate = day(closeDay);
        on(t, (at): OpportunityCommand => ({
          type: 'ChangeOpportunityCloseDate',
          opportunityId,
          expectedCloseDate,
          at,
        }));
      }
      if (random() < 0.03) {
        const newOwner = pick(random, OWNERS);
        on(t, (at): OpportunityCommand => ({
          type: 'ChangeOpportunityOwner',
          opportunityId,
          ownerId: newOwner,
          at,
        }));
      }
      if (stalls && index >= 2) break;
      if (index === openStages.length) {
        outcome = random() < 0.6 ? 'won' : 'lost';
        lostFrom = index - 1;
        break;
      }
      if (random() < 0.22) {
        outcome = 'lost';
        lostFrom = index - 1;
        break;
      }
      const stageId = openStages[index] ?? 'qualify';
      on(t, (at, pipeline): OpportunityCommand => ({
        type: 'MoveOpportunityStage',
        opportunityId,
        stageId,
        pipeline,
        at,
      }));
    }
    if (outcome === 'open') continue;
    t += wait(random, 4);
    if (outcome === 'won') {
      on(t, (at, pipeline): OpportunityCommand => ({
        type: 'WinOpportunity',
        opportunityId,
        orderId: null,
        pipeline,
        at,
      }));
      continue;
    }
    const reason: LossReason = pick(random, LOSS_REASONS);
    on(t, (at, pipeline): OpportunityCommand => ({
      type: 'LoseOpportunity',
      opportunityId,
      reason,
      pipeline,
      at,
    }));
    // A few come back within the reopen window, from the stage they were lost in.
    if (lostFrom >= 1 && random() < 0.1) {
      const back = wait(random, 20);
      if (back < (REOPEN_WINDOW_DAYS - 1) * DAY_MS) {
        t += back;
        on(t, (at, pipeline): OpportunityCommand => ({
          type: 'ReopenOpportunity',
          opportunityId,
          pipeline,
          at,
        }));
        t += wait(random, 10);
        const won = random() < 0.45;
        on(t, (at, pipeline): OpportunityCommand =>
          won
            ? { type: 'WinOpportunity', opportunityId, orderId: null, pipeline, at }
            : { type: 'LoseOpportunity', opportunityId, reason: 'no-decision', pipeline, at },
        );
      }
    }
  }

  steps.sort((a, b) => a.at - b.at || a.order - b.order);
  const streams = new Map<string, { state: unknown; revision: number }>();
  let pipeline: PipelineDefinition | null = null;
  for (const step of steps) {
    const at = iso(step.at);
    const stream = streams.get(step.streamId) ?? { state: step.decider.initialState, revision: -1 };
    if (!pipeline && step.decider !== pipelineDecider) continue;
    const command = step.command(at, pipeline as PipelineDefinition) as { type: string };
    const decision = step.decider.decide(command, stream.state);
    if (isDomainError(decision) || decision.length === 0) continue;
    const expected: ExpectedRevision = stream.revision < 0 ? 'no_stream' : stream.revision;
    stream.state = decision.reduce(step.decider.evolve, stream.state);
    stream.revision += decision.length;
    streams.set(step.streamId, stream);
    if (step.decider === pipelineDecider) {
      const state = stream.state as PipelineState;
      if (state.status === 'defined') {
        const { version, name, stages } = state;
        pipeline = { pipelineId, version, name, stages };
      }
    }
    const { streamId, customerId, decider } = step;
    yield { streamId, customerId, decider, command, expected, events: decision, at };
  }
}

type Add = (step: Omit<Step, 'order'>) => void;

const logCall = (
  add: Add,
  random: () => number,
  customerId: string,
  opportunityId: string,
  at: number,
): void => {
  const activityId = seededUuid(random);
  const loggedBy = pick(random, OWNERS);
  add({
    at,
    streamId: activityStreamId(activityId),
    customerId,
    decider: activityDecider,
    command: (when): ActivityCommand => ({
      type: 'LogActivity',
      activityId,
      kind: pick(random, ['call', 'call', 'meeting', 'email'] as const),
      customerId,
      opportunityId,
      subject: 'Discovery call',
      notes: 'Talked through requirements and budget; they want a proposal.',
      occurredAt: when,
      loggedBy,
      at: when,
    }),
  });
};

const followUp = (
  add: Add,
  random: () => number,
  customerId: string,
  opportunityId: string,
  at: number,
): void => {
  const activityId = seededUuid(random);
  const streamId = activityStreamId(activityId);
  const assigneeId = pick(random, OWNERS);
  const dueAt = iso(at + (1 + random() * 6) * DAY_MS);
  add({
    at,
    streamId,
    customerId,
    decider: activityDecider,
    command: (when): ActivityCommand => ({
      type: 'ScheduleTask',
      activityId,
      customerId,
      opportunityId,
      subject: 'Follow up on the proposal',
      notes: 'Call back about pricing.',
      dueAt,
      assigneeId,
      at: when,
    }),
  });
  if (random() < 0.8) {
    add({
      at: at + wait(random, 4),
      streamId,
      customerId,
      decider: activityDecider,
      command: (when): ActivityCommand => ({
        type: 'CompleteTask',
        activityId,
        completedBy: assigneeId,
        at: when,
      }),
    });
  }
};
