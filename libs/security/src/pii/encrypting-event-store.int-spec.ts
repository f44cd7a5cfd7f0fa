import { EmbeddedDocumentStore } from '@crm/documents';
import { CommandRunner, SqliteEventStore, domainError } from '@crm/eventsourcing';
import type { Decider, DomainEvent, EventStore, RecordedEvent } from '@crm/eventsourcing';
import { aNewEvent } from '@crm/eventsourcing/testing';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataKeyStore } from './data-key-store';
import { EncryptingEventStore } from './encrypting-event-store';
import { FileForgetLedger } from './forget-ledger';
import { PiiProtection } from './pii-protection';

const noted = (customerId: string, text: string) =>
  aNewEvent({ type: 'NoteAdded', data: { text }, metadata: { customerId } });

const texts = (events: RecordedEvent[]): unknown[] => events.map((e) => e.data.text);

type Note = DomainEvent<'NoteAdded', { text: unknown }>;
/** Notes: `add` appends one, `show` refuses with the notes its state holds (what it decided on). */
const notes: Decider<{ add?: string }, Note, unknown[]> = {
  initialState: [],
  evolve: (state, event) => [...state, event.data.text],
  decide: (command, state) =>
    command.add === undefined
      ? domainError('conflict', 'SHOW', state.join(','))
      : [{ type: 'NoteAdded', data: { text: command.add } }],
};
const runNote = (runner: CommandRunner, customerId: string, add?: string) =>
  runner.run(notes, add === undefined ? {} : { add }, {
    streamId: `customer-${customerId}`,
    context: { actor: { id: 'svc', role: 'service' }, correlationId: 'c' },
    commandType: 'Note',
    customerId,
  });
const shown = (runner: CommandRunner, customerId: string): Promise<string> =>
  runNote(runner, customerId).then(
    () => 'appended',
    (error: { error: { message: string } }) => error.error.message,
  );
/** The command runner's kept states (a forget must leave none of the customer's). */
const keptStates = (runner: CommandRunner): number =>
  (runner as unknown as { states: { size: number } }).states.size;

describe('EncryptingEventStore', () => {
  const folder = mkdtempSync(join(tmpdir(), 'crm-encrypting-'));
  let events: SqliteEventStore;
  let documents: EmbeddedDocumentStore;
  let keys: DataKeyStore;
  let pii: PiiProtection;
  let sut: EncryptingEventStore;
  let masterKey: Buffer;
  beforeEach(() => {
    masterKey = randomBytes(32);
    events = new SqliteEventStore({ filename: ':memory:' });
    documents = new EmbeddedDocumentStore({ filename: ':memory:' });
    keys = new DataKeyStore(
      documents,
      masterKey,
      new FileForgetLedger(join(folder, `${Math.random()}.ledger`)),
    );
    pii = new PiiProtection(keys, { NoteAdded: { text: 'text' } });
    sut = new EncryptingEventStore(events, pii);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await events.close();
    await documents.close();
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('seals on append and reveals a stream on read, again and after more appends', async () => {
    await sut.append('customer-c1', [noted('c1', 'first')], 'no_stream');
    const [stored] = await events.readStream('customer-c1');
    expect(stored?.data.text).toMatch(/^pii:v1:text:c1:/);

    expect(texts(await sut.readStream('customer-c1'))).toEqual(['first']);
    expect(texts(await sut.readStream('customer-c1'))).toEqual(['first']);
    await sut.append('customer-c1', [noted('c1', 'second')], 0);
    expect(texts(await sut.readStream('customer-c1'))).toEqual(['first', 'second']);
  });

  it('sees events another writer appended after a cached read', async () => {
    const other: EventStore = new EncryptingEventStore(events, pii);
    await sut.append('customer-c2', [noted('c2', 'mine')], 'no_stream');
    await sut.readStream('customer-c2');
    await other.append('customer-c2', [noted('c2', 'theirs')], 0);
    const read = await sut.readStream('customer-c2');
    expect(texts(read)).toEqual(['mine', 'theirs']);
    expect(read.map((e) => e.revision)).toEqual([0, 1]);
  });

  it('reveals nothing of a forgotten customer, even a stream it has just read', async () => {
    await sut.append('customer-c3', [noted('c3', 'secret'), noted('c3', 'more')], 'no_stream');
    expect(texts(await sut.readStream('customer-c3'))).toEqual(['secret', 'more']);

    await keys.destroy('c3');

    expect(texts(await sut.readStream('customer-c3'))).toEqual(['[erased]', '[erased]']);
    expect(JSON.stringify(await sut.readStream('customer-c3'))).not.toContain('secret');
  });

  it('stops revealing a cached stream once another process has destroyed the key', async () => {
    await sut.append('customer-c4', [noted('c4', 'secret')], 'no_stream');
    expect(texts(await sut.readStream('customer-c4'))).toEqual(['secret']);
    // Another process: its own key store and ledger on the same key collection.
    const elsewhere = new DataKeyStore(
      documents,
      masterKey,
      new FileForgetLedger(join(folder, `${Math.random()}.ledger`)),
    );
    await elsewhere.destroy('c4');
    // This process learns of it when its cached key expires (after a few seconds).
    const later = Date.now() + 11_000;
    jest.spyOn(Date, 'now').mockReturnValue(later);
    expect(texts(await sut.readStream('customer-c4'))).toEqual(['[erased]']);
  });

  it('shows its own just-appended events as a decrypting reader does, value upcasters included', async () => {
    const upcasting = new PiiProtection(
      keys,
      { NoteAdded: { text: 'text' } },
      { text: (v) => `${String(v)}!` },
    );
    const writer = new EncryptingEventStore(events, upcasting);
    await writer.append('customer-c6', [noted('c6', 'hello')], 'no_stream');
    await writer.readStream('customer-c6');
    await writer.append('customer-c6', [noted('c6', 'again')], 0);
    const fresh = new EncryptingEventStore(events, upcasting);
    expect(await writer.readStream('customer-c6')).toEqual(await fresh.readStream('customer-c6'));
    expect(texts(await fresh.readStream('customer-c6'))).toEqual(['hello!', 'again!']);
  });

  it('reveals nothing of a forgotten customer that it has just appended', async () => {
    await sut.append('customer-c7', [noted('c7', 'secret')], 'no_stream');
    await keys.destroy('c7');
    expect(texts(await sut.readStream('customer-c7'))).toEqual(['[erased]']);
  });

  it('reveals nothing it has just appended once another process has destroyed the key', async () => {
    await sut.append('customer-c8', [noted('c8', 'secret')], 'no_stream');
    await new DataKeyStore(
      documents,
      masterKey,
      new FileForgetLedger(join(folder, `${Math.random()}.ledger`)),
    ).destroy('c8');
    jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 11_000);
    expect(texts(await sut.readStream('customer-c8'))).toEqual(['[erased]']);
  });

  it('reads a stream up to a position without the cache getting in the way', async () => {
    await sut.append('customer-c5', [noted('c5', 'one')], 'no_stream');
    const { position } = await sut.append('customer-c5', [noted('c5', 'two')], 0);
    await sut.append('customer-c5', [noted('c5', 'three')], 1);
    await sut.readStream('customer-c5');
    expect(texts(await sut.readStream('customer-c5', { toPosition: position }))).toEqual([
      'one',
      'two',
    ]);
    expect(texts(await sut.readStream('customer-c5', { fromRevision: 2 }))).toEqual(['three']);
  });

  describe('under a command runner keeping folded state', () => {
    it('folds revealed state, and a forget in this process drops it at once', async () => {
      const runner = new CommandRunner(sut);
      await runNote(runner, 'r1', 'secret');
      await runNote(runner, 'r1', 'more');
      expect(await shown(runner, 'r1')).toBe('secret,more');
      expect(keptStates(runner)).toBe(1);

      await keys.destroy('r1');

      expect(keptStates(runner)).toBe(0);
      expect(await shown(runner, 'r1')).toBe('[erased],[erased]');
    });

    it('does not decide on kept state once another process has destroyed the key', async () => {
      const runner = new CommandRunner(sut);
      await runNote(runner, 'r2', 'secret');
      expect(await shown(runner, 'r2')).toBe('secret');
      await new DataKeyStore(
        documents,
        masterKey,
        new FileForgetLedger(join(folder, `${Math.random()}.ledger`)),
      ).destroy('r2');
      jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 11_000);
      expect(await shown(runner, 'r2')).toBe('[erased]');
    });

    it('keeps no state of a customer forgotten while its stream was being read', async () => {
      const runner = new CommandRunner(sut);
      await sut.append('customer-r3', [noted('r3', 'secret')], 'no_stream');
      const read = jest.spyOn(sut, 'readStream');
      read.mockImplementationOnce(async (...args) => {
        const answer = await EncryptingEventStore.prototype.readStream.apply(sut, args);
        await keys.destroy('r3');
        return answer;
      });
      await shown(runner, 'r3');
      expect(keptStates(runner)).toBe(0);
    });

    it('keeps its own appends as a decrypting read shows them, value upcasters included', async () => {
      const upcasting = new PiiProtection(
        keys,
        { NoteAdded: { text: 'text' } },
        { text: (v) => `${String(v)}!` },
      );
      const runner = new CommandRunner(new EncryptingEventStore(events, upcasting));
      await runNote(runner, 'r5', 'hello');
      await runNote(runner, 'r5', 'again');
      const fresh = new CommandRunner(new EncryptingEventStore(events, upcasting));
      expect(await shown(runner, 'r5')).toBe(await shown(fresh, 'r5'));
      expect(await shown(runner, 'r5')).toBe('hello!,again!');
    });

    it('keeps no state of its own append once that customer is forgotten', async () => {
      const runner = new CommandRunner(sut);
      await runNote(runner, 'r6', 'secret');
      expect(keptStates(runner)).toBe(1);
      await keys.destroy('r6');
      expect(keptStates(runner)).toBe(0);
      expect(await shown(runner, 'r6')).toBe('[erased]');
    });

    it('folds what another writer appended since the state it keeps', async () => {
      const runner = new CommandRunner(sut);
      await runNote(runner, 'r4', 'mine');
      expect(await shown(runner, 'r4')).toBe('mine');
      await runNote(new CommandRunner(new EncryptingEventStore(events, pii)), 'r4', 'theirs');
      expect(await shown(runner, 'r4')).toBe('mine,theirs');
    });
  });

  it('keeps at most the configured number of events, evicting the least recently read', async () => {
    const small = new EncryptingEventStore(events, pii, { cachedEvents: 2 });
    for (const id of ['a', 'b', 'c']) {
      await small.append(`customer-${id}`, [noted(id, `note ${id}`)], 'no_stream');
      expect(texts(await small.readStream(`customer-${id}`))).toEqual([`note ${id}`]);
    }
    for (const id of ['a', 'b', 'c']) {
      expect(texts(await small.readStream(`customer-${id}`))).toEqual([`note ${id}`]);
    }
    const cached = (small as unknown as { streams: Map<string, unknown> }).streams;
    expect([...cached.keys()]).toEqual(['customer-b', 'customer-c']);
  });
});
