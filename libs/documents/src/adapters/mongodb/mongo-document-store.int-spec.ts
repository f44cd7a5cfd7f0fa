import { documentStoreContract } from '../../testing/document-store.contract';
import { MongoDocumentStore } from './mongo-document-store';

const url = process.env.MONGODB_URL;
const describeWithServer = process.env.MONGODB_URL ? describe : describe.skip; // skipped without MONGODB_URL

describeWithServer(
  url
    ? 'MongoDocumentStore (production adapter, MONGODB_URL)'
    : 'MongoDocumentStore (skipped: MONGODB_URL is not set)',
  () => {
    jest.setTimeout(30_000);
    documentStoreContract(() => MongoDocumentStore.connect(url ?? ''));
  },
);
