import type { RecordedEvent } from '@crm/eventsourcing';
import { SqliteEventStore } from '@crm/eventsourcing';
import { aNewEvent } from '@crm/eventsourcing/testing';
import { AuditSnapshots } from './audit-snapshots';
import { CustomerAudit } from './customer-audit';
import { createUpcasters } from './index';

const customerId = '5b1f3c1e-3a52-4c47-9a43-000000000001';

const created = () =>
  aNewEvent({
    type: 'CustomerCreated',
    data: {
      customerId,
      name: 'Ada Audit',
      email: 'ada@audit.example',
      phone: null,
      address: null,
      tags: [],
      emailHash: 'e-hash',
      nameHashes: ['n-hash'],
      phoneHash: null,
    },
    metadata: { customerId },
  });

const note = (n: number) =>
  aNewEvent({
    type: 'CustomerNoteAdded',
    data: { customerId, noteId: `note-${n}`, text: `note ${n}` },
    metadata: { customerId },
  });

const tagged = (tag: string) =>
  aNewEvent({ type: 'CustomerTagged', data: { customerId, tag }, metadata: { customerId } });

describe('CustomerAudit state-at with snapshots', () => {
  let events: SqliteEventStore;
  let revision: number;
  const append = async (...batch: ReturnType<typeof note>[]) => {
    const expected = revision < 0 ? 'no_stream' : revision;
    const result = await events.append(`customer-${customerId}`, batch, expected);
    revision = result.nextExpectedRevision;
    return result;
  };
  /** The reference: a fold from the first event every time (no snapshot is ever kept). */
  const fromScratch = () =>
    new CustomerAudit(events, createUpcasters(), new AuditSnapshots({ every: 1e9, customers: 1 }));
  const withSnapshots = () =>
    new CustomerAudit(events, createUpcasters(), new AuditSnapshots({ every: 3, customers: 8 }));
  const history = (): Promise<RecordedEvent[]> => events.readByCustomer(customerId);

  beforeEach(async () => {
    events = new SqliteEventStore({ filename: ':memory:' });
    revision = -1;
    await append(created());
    for (let n = 1; n <= 9; n += 1) await append(n % 4 === 0 ? tagged(`t${n}`) : note(n));
  });
  afterEach(() => events.close());

  it('answers every position exactly as a fold from the first event does', async () => {
    const sut = withSnapshots();
    const positions = (await history()).map((event) => event.position);
    for (const position of [...positions].reverse()) {
      const at = { toPosition: position };
      const expected = await fromScratch().stateAt(customerId, String(position), at);
      expect(await sut.stateAt(customerId, String(position), at)).toEqual(expected);
    }
    const later = await append(note(10), tagged('late'));
    const at = { toPosition: later.position };
    const state = await sut.stateAt(customerId, 'later', at);
    expect(state).toEqual(await fromScratch().stateAt(customerId, 'later', at));
    expect(state).toMatchObject({
      position: later.position,
      profile: { name: 'Ada Audit', tags: ['t4', 't8', 'late'], noteCount: 8 },
    });
  });

  it('reads only the events after the newest snapshot the point includes', async () => {
    const sut = withSnapshots();
    const head = await events.headPosition();
    await sut.stateAt(customerId, 'head', { toPosition: head });
    const reads = jest.spyOn(events, 'readByCustomer');
    await sut.stateAt(customerId, 'head', { toPosition: head });
    const ninth = (await history())[8];
    expect(reads).toHaveBeenCalledWith(
      customerId,
      expect.objectContaining({ fromPosition: ninth?.position }),
    );
  });

  it('answers a time with the events recorded by then, as a fold from the first event does', async () => {
    const sut = withSnapshots();
    await sut.stateAt(customerId, 'head', { toPosition: await events.headPosition() });
    for (const event of await history()) {
      const at = { toTime: new Date(event.recordedAt) };
      expect(await sut.stateAt(customerId, event.recordedAt, at)).toEqual(
        await fromScratch().stateAt(customerId, event.recordedAt, at),
      );
    }
  });

  it('has no state for a point before the first event, snapshots or not', async () => {
    const sut = withSnapshots();
    await sut.stateAt(customerId, 'head', { toPosition: await events.headPosition() });
    expect(await sut.stateAt(customerId, '0', { toPosition: 0 })).toBeNull();
  });
});

describe('AuditSnapshots', () => {
  it('keeps the snapshots of the customers used most recently', async () => {
    const sut = new AuditSnapshots({ every: 1, customers: 2 });
    const { InMemoryProjectionContext } = await import('@crm/eventsourcing');
    const snapshot = (position: number) => ({
      position,
      recordedAt: '2026-01-01T00:00:00.000Z',
      latestRecordedAt: '2026-01-01T00:00:00.000Z',
      events: position,
      context: new InMemoryProjectionContext(),
    });
    sut.keep('a', snapshot(1));
    sut.keep('b', snapshot(2));
    sut.latest('a', { toPosition: 10 });
    sut.keep('c', snapshot(3));
    expect(sut.latest('a', { toPosition: 10 })?.position).toBe(1);
    expect(sut.latest('b', { toPosition: 10 })).toBeNull();
    expect(sut.latest('c', { toPosition: 2 })).toBeNull();
  });
});
