import type { Decider, DomainEvent } from './decider';
import { CommandRunner } from './command-runner';
import type { CommandContext, CommandObservation } from './command-runner';
import { DomainErrorException, domainError } from './domain-error';
import { SqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { WrongExpectedRevisionError } from '../store/errors';
import type { EventStore } from '../store/event-store.port';

type CounterEvent = DomainEvent<'Incremented', { by: number }>;
type CounterCommand = { type: 'Increment'; by: number; max: number };
type CounterState = { total: number };

/** A counter that refuses to pass its maximum: enough to show retries and refusals. */
const counter: Decider<CounterCommand, CounterEvent, CounterState> = {
  initialState: { total: 0 },
  evolve: (state, event) => ({ total: state.total + event.data.by }),
  decide: (command, state) =>
    state.total + command.by > command.max
      ? domainError(
          'conflict',
          'COUNTER_FULL',
          `counter at ${state.total} cannot take ${command.by}`,
        )
      : [{ type: 'Incremented', data: { by: command.by } }],
};

const context = (overrides: Partial<CommandContext> = {}): CommandContext => ({
  actor: { id: 'key-1', role: 'service' },
  correlationId: 'corr-1',
  ...overrides,
});

const run = (
  runner: CommandRunner,
  by: number,
  max: number,
  ctx = context(),
  commandType = 'Increment',
) =>
  runner.run(
    counter,
    { type: 'Increment', by, max },
    { streamId: 'counter-1', context: ctx, commandType, customerId: 'c-1' },
  );

describe('CommandRunner', () => {
  let store: SqliteEventStore;
  beforeEach(() => {
    store = new SqliteEventStore({ filename: ':memory:' });
  });
  afterEach(() => store.close());

  it('appends the decided events with full metadata and answers revision and position', async () => {
    const result = await run(
      new CommandRunner(store, { clock: () => new Date('2026-01-02T03:04:05Z') }),
      2,
      10,
    );
    expect(result).toMatchObject({ nextExpectedRevision: 0, position: 1, appended: 1 });
    const [event] = await store.readStream('counter-1');
    expect(event?.metadata).toEqual({
      eventId: expect.any(String),
      commandId: expect.any(String),
      correlationId: 'corr-1',
      causationId: event?.metadata.commandId,
      actor: { id: 'key-1', role: 'service' },
      occurredAt: '2026-01-02T03:04:05.000Z',
      schemaVersion: 1,
      customerId: 'c-1',
    });
  });

  it('gives later events the customer of the stream when the command names none', async () => {
    const runner = new CommandRunner(store);
    await run(runner, 1, 10);
    await runner.run(
      counter,
      { type: 'Increment', by: 1, max: 10 },
      { streamId: 'counter-1', context: context(), commandType: 'Increment' },
    );
    expect((await store.readStream('counter-1')).map((e) => e.metadata.customerId)).toEqual([
      'c-1',
      'c-1',
    ]);
  });

  it('records no customer when told null, even on a stream that has one', async () => {
    const runner = new CommandRunner(store);
    await run(runner, 1, 10);
    await runner.run(
      counter,
      { type: 'Increment', by: 1, max: 10 },
      {
        streamId: 'counter-1',
        context: context(),
        commandType: 'Increment',
        customerId: () => null,
      },
    );
    expect((await store.readStream('counter-1')).map((e) => e.metadata.customerId)).toEqual([
      'c-1',
      undefined,
    ]);
  });

  it('throws the domain error and appends nothing when the decision is a refusal', async () => {
    const runner = new CommandRunner(store);
    await run(runner, 5, 5);
    await expect(run(runner, 1, 5)).rejects.toBeInstanceOf(DomainErrorException);
    expect(await store.readStream('counter-1')).toHaveLength(1);
  });

  it('answers a retried command with the same Idempotency-Key as the first did, appending nothing', async () => {
    const runner = new CommandRunner(store);
    const ctx = context({ idempotencyKey: 'retry-me-please' });
    const first = await run(runner, 3, 3, ctx);
    // Deciding again would be refused (the counter is full): the runner must not decide again.
    const retry = await run(runner, 3, 3, ctx);
    expect(retry).toEqual({ ...first, appended: 0 });
    expect(await store.readStream('counter-1')).toHaveLength(1);
  });

  it('derives the same event ids from the same key, and different ones for another caller', async () => {
    const runner = new CommandRunner(store);
    await run(runner, 1, 10, context({ idempotencyKey: 'same-key-123' }));
    await run(
      runner,
      1,
      10,
      context({ idempotencyKey: 'same-key-123', actor: { id: 'key-2', role: 'service' } }),
    );
    const events = await store.readStream('counter-1');
    expect(events).toHaveLength(2);
    expect(events[0]?.metadata.eventId).not.toBe(events[1]?.metadata.eventId);
  });

  it('on a concurrent write, reloads and decides again', async () => {
    const runner = new CommandRunner(wrap(store, { conflictsBeforeSuccess: 2 }));
    await run(runner, 1, 10);
    expect((await store.readStream('counter-1')).map((e) => e.data)).toEqual([
      { by: 1 },
      { by: 1 },
      { by: 1 },
    ]);
  });

  it('refuses with a conflict when the re-decided command is no longer valid', async () => {
    const runner = new CommandRunner(wrap(store, { conflictsBeforeSuccess: 1, intruderBy: 9 }));
    await expect(run(runner, 2, 10)).rejects.toMatchObject({ error: { code: 'COUNTER_FULL' } });
  });

  it('gives up after the bounded number of retries with a clear conflict', async () => {
    const runner = new CommandRunner(wrap(store, { conflictsBeforeSuccess: 100 }), {
      maxRetries: 3,
    });
    await expect(run(runner, 1, 1000)).rejects.toMatchObject({
      error: { code: 'CONCURRENT_MODIFICATION' },
    });
  });

  it('under concurrent commands loses no update: every success is stored, every failure a clean refusal', async () => {
    const runner = new CommandRunner(store);
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => run(runner, 1, 12)));
    const succeeded = outcomes.filter((o) => o.status === 'fulfilled');
    const refusals = outcomes.flatMap((o) =>
      o.status === 'rejected' ? [o.reason as DomainErrorException] : [],
    );
    expect(await store.readStream('counter-1')).toHaveLength(succeeded.length);
    expect(succeeded).toHaveLength(12);
    for (const refusal of refusals) {
      expect(refusal).toBeInstanceOf(DomainErrorException);
      expect(['COUNTER_FULL', 'CONCURRENT_MODIFICATION']).toContain(refusal.error.code);
    }
  });

  describe('folded-state cache', () => {
    /** The counter, counting the events it folds. */
    const counting = () => {
      const folded = { count: 0 };
      const decider: typeof counter = {
        ...counter,
        evolve: (state, event) => {
          folded.count += 1;
          return counter.evolve(state, event);
        },
      };
      return { decider, folded };
    };
    const increment = (runner: CommandRunner, decider: typeof counter, by = 1, max = 1000) =>
      runner.run(
        decider,
        { type: 'Increment', by, max },
        { streamId: 'counter-1', context: context(), commandType: 'Increment' },
      );

    it('folds only the events appended after the state it keeps', async () => {
      const { decider, folded } = counting();
      const runner = new CommandRunner(store);
      for (let i = 0; i < 5; i += 1) await increment(runner, decider);
      folded.count = 0;
      await increment(runner, decider);
      // Only the event it appended itself (kept for the next command), not the 5 before it.
      expect(folded.count).toBe(1);
      const uncached = counting();
      await increment(new CommandRunner(store, { cachedStates: 0 }), uncached.decider);
      expect(uncached.folded.count).toBe(6);
      expect(await store.readStream('counter-1')).toHaveLength(7);
    });

    it('decides on what another writer appended since, without a conflict round', async () => {
      const runner = new CommandRunner(store);
      const seen: CommandObservation[] = [];
      runner.observe({ onCommand: (o) => seen.push(o), onAppend: () => undefined });
      await increment(runner, counter, 8, 10);
      // Another process: its own runner, its own cache.
      await increment(new CommandRunner(store), counter, 2, 10);
      await expect(increment(runner, counter, 1, 10)).rejects.toMatchObject({
        error: { code: 'COUNTER_FULL' },
      });
      expect(seen.at(-1)).toMatchObject({ outcome: 'rejected', retries: 0 });
    });

    it('decides on the state it kept after its own append without reading the stream', async () => {
      const runner = new CommandRunner(store);
      await increment(runner, counter);
      const reads = jest.spyOn(store, 'readStream');
      await increment(runner, counter);
      await increment(runner, counter);
      expect(reads).not.toHaveBeenCalled();
      expect(await store.readStream('counter-1')).toHaveLength(3);
    });

    it('when another writer appended after its own append, reads and decides again at once', async () => {
      const runner = new CommandRunner(store);
      const seen: CommandObservation[] = [];
      runner.observe({ onCommand: (o) => seen.push(o), onAppend: () => undefined });
      await increment(runner, counter, 1, 7);
      await increment(new CommandRunner(store), counter, 5, 7);
      await increment(runner, counter, 1, 7);
      expect(seen.at(-1)).toMatchObject({ outcome: 'ok', retries: 0 });
      expect((await store.readStream('counter-1')).map((e) => e.data.by)).toEqual([1, 5, 1]);
      await expect(increment(runner, counter, 1, 7)).rejects.toMatchObject({
        error: { code: 'COUNTER_FULL' },
      });
    });

    it('keeps its own events as a read answers them (data as stored), so both decide alike', async () => {
      type Echo = DomainEvent<'Echoed', Record<string, unknown>>;
      const echo: Decider<{ say?: Record<string, unknown> }, Echo, string[]> = {
        initialState: [],
        evolve: (state, event) => [...state, JSON.stringify(event.data)],
        decide: (command, state) =>
          command.say
            ? [{ type: 'Echoed', data: command.say }]
            : domainError('conflict', 'SHOW', state.join('|')),
      };
      const say = (runner: CommandRunner, said?: Record<string, unknown>) =>
        runner
          .run(echo, said ? { say: said } : {}, {
            streamId: 'echo-1',
            context: context(),
            commandType: 'Echo',
          })
          .then(
            () => 'appended',
            (error: DomainErrorException) => error.error.message,
          );
      const runner = new CommandRunner(store);
      await say(runner, { at: new Date(0), gone: undefined, n: 1 });
      await say(runner, { nested: { list: [1, undefined] } });
      const kept = await say(runner);
      expect(kept).toBe(await say(new CommandRunner(store)));
      expect(kept).toBe('{"at":"1970-01-01T00:00:00.000Z","n":1}|{"nested":{"list":[1,null]}}');
    });

    it('drops the kept state on a conflict and reads the stream whole again', async () => {
      // The stream behind the runner is replaced (a restore): the kept state no longer holds.
      let current: EventStore = store;
      const swappable = new Proxy(store, {
        get: (_target, name) => {
          const value = (current as unknown as Record<string | symbol, unknown>)[name];
          return typeof value === 'function' ? value.bind(current) : value;
        },
      });
      const runner = new CommandRunner(swappable, { maxRetries: 2 });
      for (let i = 0; i < 3; i += 1) await increment(runner, counter, 3, 10);
      const restored = new SqliteEventStore({ filename: ':memory:' });
      current = restored;
      try {
        await increment(runner, counter, 3, 10);
        expect((await restored.readStream('counter-1')).map((e) => e.revision)).toEqual([0]);
      } finally {
        await restored.close();
      }
    });
  });
});

/** Simulates another writer: before the wrapped append, sneak in an event `n` times. */
const wrap = (
  store: EventStore,
  options: { conflictsBeforeSuccess: number; intruderBy?: number },
): EventStore => {
  let intrusions = 0;
  return Object.assign(Object.create(store) as EventStore, {
    append: async (...args: Parameters<EventStore['append']>) => {
      if (intrusions < options.conflictsBeforeSuccess) {
        intrusions += 1;
        const [streamId, events] = args;
        const intruder = events.map((e) => ({
          ...e,
          data: { by: options.intruderBy ?? 1 },
          metadata: { ...e.metadata, eventId: `${e.metadata.eventId}-intruder-${intrusions}` },
        }));
        await store.append(streamId, intruder, 'any');
        throw new WrongExpectedRevisionError(streamId, args[2], 0);
      }
      return store.append(...args);
    },
  });
};
