import {
  MongoError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';
import { DocumentStoreUnavailableError } from '../../errors';
import { isDuplicateKey, isUnavailableMongoError, translateMongoError } from './mongo-errors';

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
