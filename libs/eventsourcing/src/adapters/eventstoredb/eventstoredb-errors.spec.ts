import {
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  DeadlineExceededError,
} from '@eventstore/db-client';
import {
  AppendOutcomeUnknownError,
  AppendTooLargeError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '../../store/errors';
import {
  isAppendOutcomeUnknown,
  isUnavailable,
  toAppendTooLarge,
  toWrongExpectedRevision,
  translateEsdbError,
} from './eventstoredb-errors';

const notLeader = () =>
  new NotLeaderError({
    message: 'not leader',
    metadata: {
      getMap: () => ({ 'leader-endpoint-host': 'node-2', 'leader-endpoint-port': '2113' }),
    },
  } as unknown as ConstructorParameters<typeof NotLeaderError>[0]);

const wrongVersion = (current: bigint | 'no_stream') =>
  new WrongExpectedVersionError(undefined, { streamName: 'customer-1', expected: 0n, current });

describe('EventStoreDB error translation', () => {
  it('turns "maximum append size exceeded" into AppendTooLargeError naming the stream and limit', () => {
    const error = MaxAppendSizeExceededError.fromMaxAppendSize(1_048_576);
    const translated = toAppendTooLarge('campaign-1', error);
    expect(translated).toBeInstanceOf(AppendTooLargeError);
    expect(translated).toMatchObject({ streamId: 'campaign-1', maxAppendSize: 1_048_576 });
    expect(translated?.cause).toBe(error);
    expect(isAppendOutcomeUnknown(error)).toBe(false);
  });

  it('leaves other errors to the other translations', () => {
    expect(toAppendTooLarge('campaign-1', wrongVersion(3n))).toBeNull();
    expect(toAppendTooLarge('campaign-1', new Error('boom'))).toBeNull();
  });

  it.each([
    ['unavailable', new UnavailableError(undefined, '14 UNAVAILABLE: No connection established')],
    ['deadline exceeded', new DeadlineExceededError(undefined, 'deadline')],
    ['leader changed', notLeader()],
    ['discovery failed', new Error('Failed to discover after 10 attempts.')],
    ['raw gRPC unavailable', Object.assign(new Error('down'), { code: 14 })],
  ])('turns %s into StoreUnavailableError, keeping the cause', (_name, error) => {
    expect(isUnavailable(error)).toBe(true);
    const translated = translateEsdbError(error);
    expect(translated).toBeInstanceOf(StoreUnavailableError);
    expect((translated as StoreUnavailableError).cause).toBe(error);
  });

  it('passes other errors through unchanged', () => {
    const notFound = new StreamNotFoundError(undefined, 'customer-1');
    expect(translateEsdbError(notFound)).toBe(notFound);
    expect(translateEsdbError(wrongVersion(3n))).toBeInstanceOf(WrongExpectedVersionError);
    expect(isUnavailable('not an error')).toBe(false);
  });

  it('maps a wrong expected version to ours with the actual revision', () => {
    const error = toWrongExpectedRevision('customer-1', 0, wrongVersion(3n));
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({ streamId: 'customer-1', expected: 0, actual: 3 });
  });

  it('maps a wrong expected version on a missing stream to no_stream', () => {
    expect(toWrongExpectedRevision('customer-1', 0, wrongVersion('no_stream'))).toMatchObject({
      actual: 'no_stream',
    });
  });
});

describe('EventStoreDB append outcomes', () => {
  it.each([
    ['deadline exceeded', new DeadlineExceededError(undefined, 'deadline')],
    [
      'connection lost mid-call',
      new UnavailableError(undefined, '14 UNAVAILABLE: Connection dropped'),
    ],
    ['raw gRPC deadline', Object.assign(new Error('deadline'), { code: 4 })],
    ['raw gRPC cancelled', Object.assign(new Error('cancelled'), { code: 1 })],
  ])('counts %s as an append that may have been written', (_name, error) => {
    expect(isAppendOutcomeUnknown(error)).toBe(true);
  });

  it.each([
    [
      'refused connection',
      new UnavailableError(undefined, '14 UNAVAILABLE: No connection established'),
    ],
    ['leader changed', notLeader()],
    ['wrong expected version', wrongVersion(3n)],
    ['discovery failed', new Error('Failed to discover after 10 attempts.')],
  ])('counts %s as an append that wrote nothing', (_name, error) => {
    expect(isAppendOutcomeUnknown(error)).toBe(false);
  });

  it('lets an unknown outcome through the translation as it is, not as "unavailable"', () => {
    const unknown = new AppendOutcomeUnknownError(new DeadlineExceededError(undefined, 'deadline'));
    expect(translateEsdbError(unknown)).toBe(unknown);
  });
});
