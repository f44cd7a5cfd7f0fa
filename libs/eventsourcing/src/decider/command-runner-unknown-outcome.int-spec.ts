import type { Decider, DomainEvent } from './decider';
import { CommandRunner } from './command-runner';
import type { CommandContext } from './command-runner';
import { SqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { AppendOutcomeUnknownError, StoreUnavailableError } from '../store/errors';
import type { EventStore, ExpectedRevision } from '../store/event-store.port';
import type { NewEvent } from '../store/event';

type Noted = DomainEvent<'Noted', { text: string }>;
const notes: Decider<{ type: 'Note'; text: string }, Noted, { count: number }> = {
  initialState: { count: 0 },
  evolve: (state) => ({ count: state.count + 1 }),
  decide: (command) => [{ type: 'Noted', data: { text: command.text } }],
};

type Failure = 'written-then-lost' | 'lost-before-write' | 'store-down';

/**
 * The SQLite store, with the next appends failing the way a remote store can: the write lands
 * but its answer is lost, or nothing lands, or the store is down altogether.
 */
class UnreliableStore {
  readonly failures: Failure[] = [];
  constructor(readonly inner: SqliteEventStore) {}

  asEventStore(): EventStore {
    return new Proxy(this.inner, {
      get: (target, name, receiver) => {
        if (name === 'append') return this.append.bind(this);
        if (name === 'findCommandResult' && this.failures[0] === 'store-down') {
          return () => Promise.reject(new StoreUnavailableError('event-store', 'down'));
        }
        const value: unknown = Reflect.get(target, name, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  private async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision) {
    const failure = this.failures.shift();
    if (failure === 'store-down') {
      this.failures.unshift('store-down');
      throw new AppendOutcomeUnknownError(new Error('connection lost'));
    }
    if (failure === 'lost-before-write') throw new AppendOutcomeUnknownError(new Error('deadline'));
    const result = await this.inner.append(streamId, events, expected);
    if (failure === 'written-then-lost') throw new AppendOutcomeUnknownError(new Error('deadline'));
    return result;
  }
}

const generated = (key: string): CommandContext => ({
  actor: { id: 'key-1', role: 'service' },
  correlationId: 'corr-1',
  idempotencyKey: key,
  idempotencyKeyGenerated: true,
});

describe('CommandRunner when the store cannot confirm an append', () => {
  let inner: SqliteEventStore;
  let store: UnreliableStore;
  let sut: CommandRunner;
  const note = (context: CommandContext) =>
    sut.run(
      notes,
      { type: 'Note', text: 'hello' },
      { streamId: 'notes-1', context, commandType: 'Note' },
    );

  beforeEach(() => {
    inner = new SqliteEventStore({ filename: ':memory:' });
    store = new UnreliableStore(inner);
    sut = new CommandRunner(store.asEventStore());
  });
  afterEach(() => inner.close());

  it('answers a write that landed but whose answer was lost, and stores it once', async () => {
    store.failures.push('written-then-lost');
    const result = await note(generated('crm-k1'));
    expect(result.nextExpectedRevision).toBe(0);
    expect(await inner.readStream('notes-1')).toHaveLength(1);
  });

  it('appends again, with the same event ids, a write that never landed', async () => {
    store.failures.push('lost-before-write');
    await note(generated('crm-k2'));
    expect(await inner.readStream('notes-1')).toHaveLength(1);
  });

  it('says the outcome is unknown, with the key to retry with; that retry writes nothing twice', async () => {
    store.failures.push('written-then-lost', 'store-down');
    const failure = await note(generated('crm-k3')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppendOutcomeUnknownError);
    expect((failure as AppendOutcomeUnknownError).idempotencyKey).toBe('crm-k3');
    store.failures.length = 0;

    const retried = await note({ ...generated('crm-k3'), idempotencyKeyGenerated: false });
    expect(retried.appended).toBe(0);
    expect(await inner.readStream('notes-1')).toHaveLength(1);
  });

  it('without any key passes the unknown outcome on as it is', async () => {
    store.failures.push('written-then-lost');
    await expect(
      note({ actor: { id: 'key-1', role: 'service' }, correlationId: 'corr-1' }),
    ).rejects.toBeInstanceOf(AppendOutcomeUnknownError);
  });
});
