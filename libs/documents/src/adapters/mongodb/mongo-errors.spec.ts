import {
  MongoBulkWriteError,
  MongoError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';
import { DocumentStoreUnavailableError } from '../../errors';
import {
  duplicateKeyRefusals,
  isDuplicateKey,
  isUnavailableMongoError,
  translateMongoError,
} from './mongo-errors';

const serverError = (code: number, labels: string[] = []) =>
  new MongoServerError({ message: `code ${code}`, code, errorLabels: labels });

describe('MongoDB error translation', () => {
  it.each([
    ['a network error', new MongoNetworkError('connection reset')],
    ['no server to select', new MongoServerSelectionError('timed out', {} as never)],
    ['a client not connected', new MongoNotConnectedError('not connected')],
    ['a closed topology', new MongoTopologyClosedError()],
    ['a stepped-down primary', serverError(189)],
    ['a server shutting down', serverError(91)],
    ['a retryable write error', serverError(1, ['RetryableWriteError'])],
  ])('reports %s as DocumentStoreUnavailableError', (_name, error) => {
    expect(isUnavailableMongoError(error)).toBe(true);
    const translated = translateMongoError(error);
    expect(translated).toBeInstanceOf(DocumentStoreUnavailableError);
    expect((translated as Error).cause).toBe(error);
  });

  it('passes other errors through', () => {
    const duplicate = serverError(11000);
    expect(translateMongoError(duplicate)).toBe(duplicate);
    expect(translateMongoError(new MongoError('bad query'))).toBeInstanceOf(MongoError);
    expect(isUnavailableMongoError(new Error('x'))).toBe(false);
  });

  it('recognises a duplicate key', () => {
    expect(isDuplicateKey(serverError(11000))).toBe(true);
    expect(isDuplicateKey(serverError(112))).toBe(false);
    expect(isDuplicateKey(new Error('E11000'))).toBe(false);
  });
});

describe('an unordered insertMany’s refusals', () => {
  const bulkError = (
    writeErrors: { code: number; index: number }[],
    writeConcernError: unknown = undefined,
  ) =>
    new MongoBulkWriteError(
      {
        message: 'E11000 duplicate key error',
        code: writeErrors[0]?.code ?? 64,
        writeErrors: writeErrors.map((e) => ({ ...e, errmsg: `code ${e.code}` })),
      } as never,
      { getWriteConcernError: () => writeConcernError } as never,
    );

  it('gives the indexes of documents refused as duplicate keys', () => {
    expect(
      duplicateKeyRefusals(
        bulkError([
          { code: 11000, index: 0 },
          { code: 11000, index: 3 },
        ]),
      ),
    ).toEqual(new Set([0, 3]));
  });

  it('is null when anything else went wrong too', () => {
    expect(
      duplicateKeyRefusals(
        bulkError([
          { code: 11000, index: 0 },
          { code: 121, index: 1 },
        ]),
      ),
    ).toBeNull();
    expect(duplicateKeyRefusals(bulkError([{ code: 11000, index: 0 }], { code: 64 }))).toBeNull();
    expect(duplicateKeyRefusals(bulkError([]))).toBeNull();
    expect(duplicateKeyRefusals(serverError(11000))).toBeNull();
    expect(duplicateKeyRefusals(new MongoNetworkError('reset'))).toBeNull();
  });
});
