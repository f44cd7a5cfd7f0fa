import {
  describeWithPostgres,
  dropSchema,
  uniqueSchemaName,
} from '../../../../../test/support/postgres';
import { eventStoreContract } from '../../testing/event-store.contract';
import { PostgresEventStore } from './postgres-event-store';

describeWithPostgres('PostgresEventStore (production adapter)', (url) => {
  const schema = uniqueSchemaName('events_contract');
  afterAll(() => dropSchema(url, schema));

  eventStoreContract(() =>
    PostgresEventStore.connect({ connectionString: url, schema, pollIntervalMs: 20 }),
  );
});
