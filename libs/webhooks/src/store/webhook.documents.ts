import type { CollectionSpec } from '@crm/documents';

/**
 * Webhooks are admin data, not a read model: they are never rebuilt from the log, so they
 * live in their own `webhooks_` collections and under their own checkpoint names.
 */
export const ENDPOINTS_COLLECTION = 'webhooks_endpoints';
export const DELIVERIES_COLLECTION = 'webhooks_deliveries';
export const STATS_COLLECTION = 'webhooks_endpoint_stats';

export const WEBHOOK_COLLECTIONS: readonly CollectionSpec[] = [
  { name: ENDPOINTS_COLLECTION, indexes: [{ field: 'createdAt' }] },
  {
    name: DELIVERIES_COLLECTION,
    indexes: [{ field: 'endpointId' }, { field: 'status' }, { field: 'position' }],
  },
  { name: STATS_COLLECTION },
];

/** `['*']` means every event type. */
export const ALL_EVENT_TYPES = '*';

export type EndpointDocument = {
  _id: string;
  url: string;
  eventTypes: string[];
  includePersonalData: boolean;
  /** HMAC key; never shown again after registration. */
  secret: string;
  createdAt: string;
  /** The log head at registration: the endpoint receives what is appended after it. */
  startPosition: number;
};

/**
 * An event taken in for an endpoint and not yet delivered (`pending`), or given up on after
 * the last attempt (`dead`). Delivered ones are removed. Payloads are not copied here: they
 * are read from the log when sent, so no personal data lands in this collection.
 */
export type DeliveryDocument = {
  _id: string;
  endpointId: string;
  eventId: string;
  type: string;
  streamId: string;
  revision: number;
  position: number;
  status: 'pending' | 'dead';
  attempts: number;
  /** Epoch milliseconds. */
  nextAttemptAt: number;
  lastAttemptAt: string | null;
  lastError: string | null;
  deadAt: string | null;
};

export type LastFailure = { at: string; eventId: string; error: string };

/** Counters of one endpoint, written only by the dispatcher that holds its lease. */
export type EndpointStatsDocument = {
  _id: string;
  /** Mirror of the cursor checkpoint, for a restore that drops checkpoints. */
  cursor: number;
  delivered: number;
  failedAttempts: number;
  deadLettered: number;
  lastDeliveredAt: string | null;
  lastAttemptOk: boolean | null;
  lastFailure: LastFailure | null;
};

export const deliveryId = (endpointId: string, eventId: string): string =>
  `${endpointId}:${eventId}`;

/** The endpoint's position in the log: events up to it have been taken in. */
export const cursorCheckpoint = (endpointId: string): string => `webhooks:${endpointId}`;

/** Which dispatcher works the endpoint, and until when (see endpoint-lease.ts). */
export const leaseCheckpoint = (endpointId: string): string => `webhooks-lease:${endpointId}`;

export const emptyStats = (endpointId: string, cursor: number): EndpointStatsDocument => ({
  _id: endpointId,
  cursor,
  delivered: 0,
  failedAttempts: 0,
  deadLettered: 0,
  lastDeliveredAt: null,
  lastAttemptOk: null,
  lastFailure: null,
});
