import { v4 as uuidv4 } from 'uuid';
import { uuidV5 } from './uuid-v5';
import type { Actor, NewEvent, RecordedEvent } from '../store/event';
import type { AppendResult, EventStore } from '../store/event-store.port';
import { WrongExpectedRevisionError } from '../store/errors';
import type { Decider, DomainEvent } from './decider';
import type { FoldedState, RevealedStateGuard } from './folded-state-cache';
import { FoldedStateCache, asStored, revealedStateGuardOf } from './folded-state-cache';
import { DomainErrorException, domainError, isDomainError } from './domain-error';
import type { Upcaster } from '../store/upcaster';
import { identityUpcaster } from '../store/upcaster';
import type { IdempotencyRecords } from './idempotency-records';
import { IdempotencyKeyReusedError } from './idempotency-records';

/** Namespace for ids derived from an Idempotency-Key (uuid v5). */
export const IDEMPOTENCY_NAMESPACE = '6f1c1c9e-2b7e-4f38-9d2b-3c1f0c5a9e41';

/** Everything about a command that is not its payload: who, why, when. */
export type CommandContext = {
  actor: Actor;
  correlationId: string;
  causationId?: string;
  idempotencyKey?: string;
  /** A digest of the request that carried the Idempotency-Key: a reused key must match it. */
  requestFingerprint?: string;
};

export type CommandResult = AppendResult & { streamId: string; appended: number };

export type RunOptions<Event extends DomainEvent> = {
  streamId: string;
  context: CommandContext;
  /** Name of the command type (part of the derived ids). */
  commandType: string;
  /**
   * The customer the events concern, for metadata and the by-customer index. Undefined: the
   * stream's customer. Null: no customer (a stream about many customers, like a campaign).
   */
  customerId?: string | ((event: Event) => string | null | undefined);
  /** Schema version written for each event type (1 when absent). */
  schemaVersions?: Readonly<Record<string, number>>;
};

/** What the runner tells observers (metrics) about each command it ran. */
export type CommandObservation = {
  commandType: string;
  streamId: string;
  outcome: 'ok' | 'rejected' | 'conflict' | 'error';
  durationMs: number;
  /** Reload-and-decide rounds after concurrency conflicts. */
  retries: number;
  /** Events appended: 0 for an idempotent replay. */
  appended: number;
};

export type AppendObservation = {
  commandType: string;
  outcome: 'ok' | 'conflict' | 'error';
  durationMs: number;
};

export type CommandObserver = {
  onCommand(observation: CommandObservation): void;
  onAppend(observation: AppendObservation): void;
};

export type CommandRunnerOptions = {
  maxRetries?: number;
  upcaster?: Upcaster;
  clock?: () => Date;
  /**
   * Most streams whose folded state is kept between commands (0: fold every stream from its
   * start each time). Default 10,000.
   */
  cachedStates?: number;
  /**
   * First answers of keyed commands that came with a request fingerprint. Without it a keyed
   * command is answered from the events it appended, and a no-op retried later decides again.
   */
  idempotency?: IdempotencyRecords;
};

/** Event data as a store answers it (undefined fields gone, dates as text). */
const storedData = (data: Record<string, unknown>): Record<string, unknown> =>
  asStored(data) as Record<string, unknown>;

const NO_OWNERS: ReadonlySet<string> = new Set();

/** `owners` itself when `more` adds no one (kept states share their owner sets). */
const withOwners = (owners: Set<string>, more: ReadonlySet<string>): Set<string> => {
  for (const owner of more) if (!owners.has(owner)) return new Set([...owners, ...more]);
  return owners;
};

type Folder<Event extends DomainEvent, State> = Pick<
  Decider<unknown, Event, State>,
  'evolve' | 'initialState'
>;

/** A stream's state as a command decides on it: folded up to `revision` (-1: no stream). */
type Loaded = Omit<FoldedState, 'decider'>;
type Cacheable = Omit<Loaded, 'owners'> & { owners: Set<string> | null };

/**
 * The one generic command handler: read the stream, fold, decide, append with the expected
 * revision; on a concurrent write reload and decide again (bounded). With an Idempotency-Key
 * the command and event ids are derived from it, so a retried request appends nothing and
 * answers as the first did.
 */
export class CommandRunner {
  private readonly maxRetries: number;
  private readonly upcaster: Upcaster;
  private readonly clock: () => Date;
  private readonly observers: CommandObserver[] = [];
  private readonly states: FoldedStateCache;
  private readonly guard: RevealedStateGuard | null;
  private readonly records: IdempotencyRecords | null;

  constructor(
    private readonly store: EventStore,
    options: CommandRunnerOptions = {},
  ) {
    this.maxRetries = options.maxRetries ?? 10;
    this.upcaster = options.upcaster ?? identityUpcaster;
    this.clock = options.clock ?? (() => new Date());
    this.states = new FoldedStateCache(options.cachedStates ?? 10_000);
    this.records = options.idempotency ?? null;
    // State folded from revealed personal data goes when its customer is forgotten.
    this.guard = revealedStateGuardOf(store);
    this.guard?.onForget((customerId) => this.states.forgetCustomer(customerId));
  }

  /** Metrics and the like: told about every command run and every append; never fail a command. */
  observe(observer: CommandObserver): void {
    this.observers.push(observer);
  }

  async run<Command, Event extends DomainEvent, State>(
    decider: Decider<Command, Event, State>,
    command: Command,
    options: RunOptions<Event>,
  ): Promise<CommandResult> {
    const started = performance.now();
    const attempts = { retries: 0 };
    const report = (outcome: CommandObservation['outcome'], appended: number): void =>
      this.notify((observer) =>
        observer.onCommand({
          commandType: options.commandType,
          streamId: options.streamId,
          outcome,
          durationMs: performance.now() - started,
          retries: attempts.retries,
          appended,
        }),
      );
    try {
      const result = await this.decideAndAppend(decider, command, options, attempts);
      report('ok', result.appended);
      return result;
    } catch (error) {
      report(
        error instanceof DomainErrorException
          ? error.error.code === 'CONCURRENT_MODIFICATION'
            ? 'conflict'
            : 'rejected'
          : 'error',
        0,
      );
      throw error;
    }
  }

  private async decideAndAppend<Command, Event extends DomainEvent, State>(
    decider: Decider<Command, Event, State>,
    command: Command,
    options: RunOptions<Event>,
    attempts: { retries: number },
  ): Promise<CommandResult> {
    const { streamId, context } = options;
    const commandId = deriveCommandId(context, options.commandType, streamId);
    if (context.idempotencyKey) {
      const earlier = await this.earlierAnswer(streamId, commandId, context);
      if (earlier) return { ...earlier, streamId, appended: 0 };
    }

    // Kept state holding this runner's own appends may be decided on without a read: the
    // append's expected revision checks it. Once that check fails, the stream is read.
    let trustKept = true;
    for (let attempt = 0; ;) {
      const epoch = this.states.epoch;
      let loaded = await this.load(decider, streamId, trustKept);
      let decision = decider.decide(command, loaded.state as State);
      if (isDomainError(decision) && loaded.unread) {
        // A refusal stands only on state checked against the store.
        loaded = await this.load(decider, streamId, false);
        decision = decider.decide(command, loaded.state as State);
      }
      if (isDomainError(decision)) throw new DomainErrorException(decision);

      const expected = loaded.revision < 0 ? 'no_stream' : loaded.revision;
      // An aggregate belongs to one customer: later events inherit the stream's customer.
      const { streamCustomer } = loaded;
      const toAppend = decision.map((event, index) =>
        this.toNewEvent(event, index, commandId, options, streamCustomer),
      );
      const appendStarted = performance.now();
      try {
        const result = await this.store.append(streamId, toAppend, expected);
        this.reportAppend(options.commandType, 'ok', appendStarted);
        this.keepAppended(decider, streamId, epoch, loaded, toAppend, result);
        await this.recordAnswer(
          commandId,
          context,
          result,
          toAppend[0]?.metadata.customerId ?? streamCustomer,
        );
        return { ...result, streamId, appended: toAppend.length };
      } catch (error) {
        const conflict = error instanceof WrongExpectedRevisionError;
        this.reportAppend(options.commandType, conflict ? 'conflict' : 'error', appendStarted);
        // Whatever the store holds now, the next attempt reads the stream whole.
        this.states.drop(streamId);
        if (!conflict) throw error;
        if (loaded.unread && trustKept) {
          // Another writer appended after the kept state: read and decide again, at once.
          trustKept = false;
          continue;
        }
        if (attempt >= this.maxRetries) {
          throw new DomainErrorException(
            domainError(
              'conflict',
              'CONCURRENT_MODIFICATION',
              `${streamId} kept changing under concurrent writers; retry the request`,
            ),
          );
        }
        attempts.retries += 1;
        // Jitter, so writers that collided on a hot stream do not collide again in lockstep.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 ** attempt));
        attempt += 1;
      }
    }
  }

  /**
   * The first answer to this keyed command: its record (refused when the request differs), else
   * the result of the events it appended (a record lost to a crash after the append).
   */
  private async earlierAnswer(
    streamId: string,
    commandId: string,
    context: CommandContext,
  ): Promise<AppendResult | null> {
    const fingerprint = context.requestFingerprint;
    const recorded = this.records && fingerprint ? await this.records.find(commandId) : null;
    if (recorded) {
      if (recorded.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
      return recorded.result;
    }
    return this.store.findCommandResult(streamId, commandId);
  }

  private async recordAnswer(
    commandId: string,
    context: CommandContext,
    result: AppendResult,
    customerId: string | undefined,
  ): Promise<void> {
    const fingerprint = context.requestFingerprint;
    if (!this.records || !context.idempotencyKey || !fingerprint) return;
    const { nextExpectedRevision, position } = result;
    await this.records.save(commandId, {
      fingerprint,
      result: { nextExpectedRevision, position },
      ...(customerId ? { customerId } : {}),
    });
  }

  /**
   * The stream's state now: the cached fold plus the events appended after it (a read from the
   * store, so another writer's events are folded too), else the whole stream folded. With
   * `trustKept`, kept state that ends with this runner's own append is answered without a read.
   */
  private async load<Event extends DomainEvent, State>(
    decider: Folder<Event, State>,
    streamId: string,
    trustKept: boolean,
  ): Promise<Loaded> {
    const epoch = this.states.epoch;
    const cached = this.states.get(streamId, decider);
    if (cached) {
      const usable =
        !this.guard ||
        cached.owners.size === 0 ||
        (await this.guard.stillRevealable(cached.owners));
      if (usable && trustKept && cached.unread) return cached;
      // From the kept revision itself: its event must still be the one folded (the same id).
      const read = usable
        ? await this.store.readStream(streamId, { fromRevision: cached.revision })
        : [];
      const [last, ...newer] = read;
      if (
        last?.revision === cached.revision &&
        last.metadata.eventId === cached.lastEventId &&
        (newer.length === 0 || newer[0]?.revision === cached.revision + 1)
      ) {
        if (newer.length > 0) {
          return this.remember(decider, streamId, epoch, this.foldOnto(decider, cached, newer));
        }
        if (!cached.unread) return cached;
        return this.remember(decider, streamId, epoch, { ...cached, unread: false });
      }
      this.states.drop(streamId);
    }
    const recorded = await this.store.readStream(streamId);
    const loaded = this.foldOnto(
      decider,
      {
        state: decider.initialState,
        revision: -1,
        streamCustomer: undefined,
        owners: new Set(),
        unread: false,
        lastEventId: undefined,
      },
      recorded,
    );
    return this.remember(decider, streamId, epoch, loaded);
  }

  /** `from` with `events` folded in; owners null when the store cannot vouch for what it revealed. */
  private foldOnto<Event extends DomainEvent, State>(
    decider: Folder<Event, State>,
    from: Loaded,
    events: RecordedEvent[],
  ): Cacheable {
    let state = from.state as State;
    let { revision, streamCustomer } = from;
    for (const recorded of events) {
      state = decider.evolve(state, this.upcaster.upcast(recorded) as unknown as Event);
      revision = recorded.revision;
      streamCustomer ??= recorded.metadata.customerId;
    }
    const revealed = this.guard ? this.guard.revealedOwners(events) : NO_OWNERS;
    return {
      state,
      revision,
      streamCustomer,
      owners: revealed && withOwners(from.owners, revealed),
      unread: false,
      lastEventId: events.at(-1)?.metadata.eventId ?? from.lastEventId,
    };
  }

  /**
   * Cached unless a customer was forgotten while the stream was read (it may be theirs), or the
   * store could not say whose personal data the state holds.
   */
  private remember(decider: object, streamId: string, epoch: number, loaded: Cacheable): Loaded {
    const { owners } = loaded;
    if (!owners) {
      this.states.drop(streamId);
      return { ...loaded, owners: new Set() };
    }
    if (loaded.revision >= 0 && this.states.epoch === epoch) {
      this.states.set(streamId, { ...loaded, decider, owners });
    }
    return { ...loaded, owners };
  }

  /**
   * After this runner's own append, the kept state moves on by the events it appended, folded as
   * a read of them would answer (the store says so; data as stored, upcasters applied). Not for a
   * replayed command (its events were stored earlier, elsewhere in the stream).
   */
  private keepAppended<Event extends DomainEvent, State>(
    decider: Folder<Event, State>,
    streamId: string,
    epoch: number,
    loaded: Loaded,
    appended: readonly NewEvent[],
    result: AppendResult,
  ): void {
    if (appended.length === 0 || !this.states.enabled) return;
    const revision = loaded.revision + appended.length;
    const readBack =
      result.nextExpectedRevision === revision && this.states.epoch === epoch
        ? this.guard
          ? this.guard.appendedAsRead(appended)
          : appended.map((event) => ({ data: storedData(event.data), owner: null }))
        : null;
    if (!readBack) {
      this.states.drop(streamId);
      return;
    }
    let state = loaded.state as State;
    let { streamCustomer } = loaded;
    const owners = new Set<string>();
    appended.forEach((event, index) => {
      const { data, owner } = readBack[index] ?? { data: event.data, owner: null };
      if (owner) owners.add(owner);
      const recorded: RecordedEvent = {
        streamId,
        revision: loaded.revision + 1 + index,
        position: result.position,
        type: event.type,
        data,
        metadata: event.metadata,
        recordedAt: event.metadata.occurredAt,
      };
      state = decider.evolve(state, this.upcaster.upcast(recorded) as unknown as Event);
      streamCustomer ??= event.metadata.customerId;
    });
    this.states.set(streamId, {
      decider,
      state,
      revision,
      streamCustomer,
      owners: withOwners(loaded.owners, owners),
      unread: true,
      lastEventId: appended.at(-1)?.metadata.eventId,
    });
  }

  private reportAppend(
    commandType: string,
    outcome: AppendObservation['outcome'],
    started: number,
  ): void {
    const durationMs = performance.now() - started;
    this.notify((observer) => observer.onAppend({ commandType, outcome, durationMs }));
  }

  private notify(tell: (observer: CommandObserver) => void): void {
    for (const observer of this.observers) {
      try {
        tell(observer);
      } catch {
        // An observer's failure must not change a command's outcome.
      }
    }
  }

  private toNewEvent<Event extends DomainEvent>(
    event: Event,
    index: number,
    commandId: string,
    options: RunOptions<Event>,
    streamCustomer: string | undefined,
  ): NewEvent {
    const { context } = options;
    const named =
      typeof options.customerId === 'function' ? options.customerId(event) : options.customerId;
    const customerId = named === null ? undefined : (named ?? streamCustomer);
    const eventId = context.idempotencyKey ? uuidV5(`${commandId}:${index}`, commandId) : uuidv4();
    return {
      type: event.type,
      data: event.data,
      metadata: {
        eventId,
        commandId,
        correlationId: context.correlationId,
        causationId: context.causationId ?? commandId,
        actor: context.actor,
        occurredAt: this.clock().toISOString(),
        schemaVersion: options.schemaVersions?.[event.type] ?? 1,
        ...(customerId ? { customerId } : {}),
      },
    };
  }
}

/**
 * With an Idempotency-Key the command id is a uuid v5 of (actor, command type, stream, key):
 * the same request retried gets the same id; another caller's key can never collide with it.
 */
export const deriveCommandId = (
  context: CommandContext,
  commandType: string,
  streamId: string,
): string =>
  context.idempotencyKey
    ? uuidV5(
        `${context.actor.id}:${commandType}:${streamId}:${context.idempotencyKey}`,
        IDEMPOTENCY_NAMESPACE,
      )
    : uuidv4();

/** A new aggregate id; derived from the Idempotency-Key when there is one, so retries agree. */
export const deriveAggregateId = (context: CommandContext, kind: string): string =>
  context.idempotencyKey
    ? uuidV5(`${context.actor.id}:${kind}:${context.idempotencyKey}`, IDEMPOTENCY_NAMESPACE)
    : uuidv4();
