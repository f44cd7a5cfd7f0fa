import { ANY, NO_STREAM, STREAM_EXISTS } from '@eventstore/db-client';
import { v4 as uuidv4 } from 'uuid';
import { WrongExpectedRevisionError } from '../../store/errors';
import { aNewEvent } from '../../testing/event-factory';
import { customerLink } from './eventstoredb-customer-index';
import type { EsdbRecord } from './eventstoredb-mapping';
import {
  assertExpectedRevision,
  fromEsdbMetadata,
  isCrmRecord,
  isSystemRecord,
  toEsdbEventId,
  toEsdbExpectedRevision,
  toEsdbMetadata,
  toEventData,
  toRecordedEvent,
} from './eventstoredb-mapping';

const aRecord = (overrides: Partial<EsdbRecord> = {}): EsdbRecord => {
  const event = aNewEvent({ data: { n: 1 } });
  return {
    streamId: 'customer-1',
    id: event.metadata.eventId,
    revision: 3n,
    type: event.type,
    isJson: true,
    data: event.data,
    metadata: toEsdbMetadata(event.metadata),
    created: new Date('2024-05-01T10:00:00.000Z'),
    position: { commit: 4096n, prepare: 4096n },
    ...overrides,
  };
};

describe('EventStoreDB mapping', () => {
  describe('expected revision', () => {
    it.each([
      ['no_stream', NO_STREAM],
      ['stream_exists', STREAM_EXISTS],
      ['any', ANY],
      [7, 7n],
    ] as const)('maps %p to %p', (ours, theirs) => {
      expect(toEsdbExpectedRevision(ours)).toBe(theirs);
    });

    it('refuses a negative or fractional revision', () => {
      expect(() => toEsdbExpectedRevision(-1)).toThrow(RangeError);
      expect(() => toEsdbExpectedRevision(1.5)).toThrow(RangeError);
    });

    it('checks an empty batch as the server would', () => {
      expect(() => assertExpectedRevision('s', 'no_stream', null)).not.toThrow();
      expect(() => assertExpectedRevision('s', 'stream_exists', 2)).not.toThrow();
      expect(() => assertExpectedRevision('s', 2, 2)).not.toThrow();
      expect(() => assertExpectedRevision('s', 'any', null)).not.toThrow();
      expect(() => assertExpectedRevision('s', 'no_stream', 0)).toThrow(WrongExpectedRevisionError);
      expect(() => assertExpectedRevision('s', 0, null)).toThrow(WrongExpectedRevisionError);
      expect(() => assertExpectedRevision('s', 'stream_exists', null)).toThrow(
        WrongExpectedRevisionError,
      );
    });
  });

  describe('event ids', () => {
    it('uses a UUID event id as the ESDB id', () => {
      const id = uuidv4();
      expect(toEsdbEventId(id.toUpperCase())).toBe(id);
    });

    it('derives a stable UUID from an event id that is not one', () => {
      expect(toEsdbEventId('order-1:0')).toBe(toEsdbEventId('order-1:0'));
      expect(toEsdbEventId('order-1:0')).not.toBe(toEsdbEventId('order-1:1'));
      expect(toEsdbEventId('order-1:0')).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('metadata', () => {
    it('stores our metadata as the ESDB metadata JSON, with ESDB correlation keys', () => {
      const event = aNewEvent({ metadata: { customerId: 'c-1' } });
      const data = toEventData(event);
      expect(data).toMatchObject({
        id: event.metadata.eventId,
        type: event.type,
        contentType: 'application/json',
      });
      expect(data.metadata).toEqual({
        ...event.metadata,
        $correlationId: event.metadata.correlationId,
        $causationId: event.metadata.causationId,
      });
    });

    it('reads our metadata back without the ESDB keys, from JSON or bytes', () => {
      const { metadata } = aNewEvent();
      expect(fromEsdbMetadata(toEsdbMetadata(metadata))).toEqual(metadata);
      const bytes = new Uint8Array(Buffer.from(JSON.stringify(toEsdbMetadata(metadata))));
      expect(fromEsdbMetadata(bytes)).toEqual(metadata);
    });

    it('recognises metadata that is not ours', () => {
      expect(fromEsdbMetadata(undefined)).toBeNull();
      expect(fromEsdbMetadata({ $causedBy: 'x' })).toBeNull();
      expect(fromEsdbMetadata(new Uint8Array([1, 2, 3]))).toBeNull();
    });
  });

  describe('recorded events', () => {
    it('maps an ESDB record to our recorded event', () => {
      const record = aRecord();
      expect(toRecordedEvent(record)).toEqual({
        streamId: 'customer-1',
        revision: 3,
        position: 4096,
        type: record.type,
        data: { n: 1 },
        metadata: fromEsdbMetadata(record.metadata),
        recordedAt: '2024-05-01T10:00:00.000Z',
      });
    });

    it('takes the position a link recorded over what the server reports for its target', () => {
      expect(toRecordedEvent(aRecord(), 77).position).toBe(77);
      expect(toRecordedEvent(aRecord({ position: undefined }), 77).position).toBe(77);
    });

    it('requires a server that reports event positions on stream reads', () => {
      expect(() => toRecordedEvent(aRecord({ position: undefined }))).toThrow(/22\.6/);
    });

    it('skips system events, our index records and events of other writers', () => {
      expect(isCrmRecord(aRecord())).toBe(true);
      expect(isSystemRecord({ type: '$>', streamId: 'crm-customer-events-1' })).toBe(true);
      expect(isSystemRecord({ type: 'Created', streamId: '$stats-1' })).toBe(true);
      expect(isCrmRecord(aRecord({ type: '$crm-event-id-reserved' }))).toBe(false);
      expect(isCrmRecord(aRecord({ metadata: undefined }))).toBe(false);
      expect(isCrmRecord(aRecord({ isJson: false, data: new Uint8Array([1]) }))).toBe(false);
    });
  });

  it('links a customer event in ESDB link format, keeping its global position', () => {
    const event = toRecordedEvent(aRecord());
    const link = customerLink(event);
    expect(link.type).toBe('$>');
    expect(Buffer.from(link.data as Uint8Array).toString()).toBe('3@customer-1');
    expect(link.metadata).toEqual({ position: 4096 });
  });

  it('gives a link a fresh id each time, so racing readers never trip ESDB idempotency', () => {
    const event = toRecordedEvent(aRecord());
    expect(customerLink(event).id).not.toBe(customerLink(event).id);
  });
});
