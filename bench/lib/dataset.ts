import type { NewEvent } from '@crm/eventsourcing';
import type { BenchStores } from './stores';
import type { ScriptedCommand } from './crm-script';
import { crmScript, scriptCustomerIds } from './crm-script';

export type DatasetSize = { customers: number; events: number; whaleEvents: number };

export type Dataset = DatasetSize & {
  seed: number;
  head: number;
  /** The customer with `whaleEvents` extra events in its own stream (state-at). */
  whaleId: string;
  generatedInMs: number;
};

/**
 * Writes the seeded CRM history (`crmScript`) into the stores: personal data sealed by the
 * real PII layer, appended with the expected revisions the script decided.
 */
export const generateDataset = async (
  stores: BenchStores,
  size: DatasetSize,
  seed = 42,
): Promise<Dataset> => {
  const started = performance.now();
  const customerIds = scriptCustomerIds(seed, size.customers);
  // Data keys first, one at a time: concurrent first uses of a customer would race to create it.
  for (const customerId of customerIds)
    await stores.pii.protectData('CustomerNoteAdded', customerId, { text: '' });
  const writer = new PipelinedWriter(stores);
  for (const scripted of crmScript({
    seed,
    customers: size.customers,
    flowEvents: size.events - size.customers - size.whaleEvents,
    whaleEvents: size.whaleEvents,
    clockEvents: size.events,
  })) {
    await writer.write(scripted);
  }
  await writer.flush();
  return {
    ...size,
    seed,
    head: await stores.events.headPosition(),
    whaleId: customerIds[0] ?? '',
    generatedInMs: performance.now() - started,
  };
};

/**
 * Seals personal data as the app's write side does and appends without waiting for each:
 * the store's group commit keeps submission order, so up to 1024 appends share transactions.
 */
export class PipelinedWriter {
  private inFlight: Promise<unknown>[] = [];
  private sequence = 0;

  constructor(private readonly stores: BenchStores) {}

  async write({ streamId, customerId, events, expected, at }: ScriptedCommand): Promise<void> {
    const sealed: NewEvent[] = [];
    for (const event of events) {
      sealed.push({
        type: event.type,
        data: await this.stores.pii.protectData(event.type, customerId, event.data),
        metadata: this.metadata(customerId, at),
      });
    }
    this.inFlight.push(this.stores.events.append(streamId, sealed, expected));
    if (this.inFlight.length >= 1024) await this.flush();
  }

  async flush(): Promise<void> {
    await Promise.all(this.inFlight);
    this.inFlight = [];
  }

  private metadata(customerId: string, at: string): NewEvent['metadata'] {
    this.sequence += 1;
    const id = `00000000-0000-4000-8000-${this.sequence.toString(16).padStart(12, '0')}`;
    return {
      eventId: id,
      commandId: id,
      correlationId: id,
      causationId: id,
      actor: { id: 'bench-generator', role: 'service' },
      occurredAt: at,
      schemaVersion: 1,
      ...(customerId ? { customerId } : {}),
    };
  }
}
