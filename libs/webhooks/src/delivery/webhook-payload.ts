import type { EventMetadata, RecordedEvent } from '@crm/eventsourcing';
import { isProtected } from '@crm/security/pii';
import type { PiiProtection } from '@crm/security/pii';

/** The JSON body of a delivery. `id` is the event id: the same on every retry, for dedup. */
export type WebhookPayload = {
  id: string;
  type: string;
  streamId: string;
  revision: number;
  position: number;
  occurredAt: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
};

/** What an endpoint registered without personal data sees in place of each sealed value. */
export const PERSONAL_DATA_MARKER = '[personal data]';

/**
 * Blind-index fields (`emailHash`, `nameHashes`, …) are the service's own look-up keys: keyed
 * hashes of personal data that outlive a forget. They never leave the service.
 */
const LOOKUP_HASH = /Hash(es)?$/;

export const toWebhookPayload = (event: RecordedEvent): WebhookPayload => ({
  id: event.metadata.eventId,
  type: event.type,
  streamId: event.streamId,
  revision: event.revision,
  position: event.position,
  occurredAt: event.metadata.occurredAt,
  data: Object.fromEntries(Object.entries(event.data).filter(([key]) => !LOOKUP_HASH.test(key))),
  metadata: event.metadata,
});

/** Every sealed value replaced by the marker, without decrypting anything. */
export const withoutPersonalData = <T>(value: T): T => redact(value) as T;

const redact = (value: unknown): unknown => {
  if (isProtected(value)) return PERSONAL_DATA_MARKER;
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v)]));
  }
  return value;
};

/**
 * The payload as this endpoint may see it: personal data revealed at send time (so a retry
 * after a forget carries `[erased]`), or replaced by the marker.
 */
export const payloadFor = async (
  event: RecordedEvent,
  includePersonalData: boolean,
  pii: Pick<PiiProtection, 'revealDeep'>,
): Promise<WebhookPayload> => {
  const payload = toWebhookPayload(event);
  return includePersonalData ? pii.revealDeep(payload) : withoutPersonalData(payload);
};
