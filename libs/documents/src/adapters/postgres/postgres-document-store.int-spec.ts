import {
  describeWithPostgres,
  dropSchema,
  uniqueSchemaName,
} from '../../../../../test/support/postgres';
import { documentStoreContract } from '../../testing/document-store.contract';
import { PostgresDocumentStore } from './postgres-document-store';

describeWithPostgres('PostgresDocumentStore (production adapter)', (url) => {
  const schema = uniqueSchemaName('docs');
  afterAll(() => dropSchema(url, schema));

  documentStoreContract(() =>
    PostgresDocumentStore.connect({ connectionString: url, schema, poolSize: 4 }),
  );
});
