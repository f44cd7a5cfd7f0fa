import { eventStoreContract } from '../../testing/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const url = process.env.EVENTSTORE_URL;
const describeWithServer = process.env.EVENTSTORE_URL ? describe : describe.skip; // skipped without EVENTSTORE_URL

describeWithServer(
  url
    ? 'EventStoreDbEventStore (production adapter, EVENTSTORE_URL)'
    : 'EventStoreDbEventStore (skipped: EVENTSTORE_URL is not set)',
  () => {
    jest.setTimeout(30_000);
    eventStoreContract(() => EventStoreDbEventStore.connect(url ?? '', { pollIntervalMs: 100 }));
  },
);
