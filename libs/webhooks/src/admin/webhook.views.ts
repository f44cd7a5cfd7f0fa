import type {
  DeliveryDocument,
  EndpointDocument,
  EndpointStatsDocument,
  LastFailure,
} from '../store/webhook.documents';

export type WebhookView = {
  id: string;
  url: string;
  eventTypes: string[];
  includePersonalData: boolean;
  createdAt: string;
};

/** Registration answer: the only time the secret is shown. */
export type RegisteredWebhook = WebhookView & { secret: string; cursor: number };

export type WebhookDetails = WebhookView & {
  /** `failing` when the latest attempt failed; `idle` before any attempt. */
  status: 'healthy' | 'failing' | 'idle';
  /** Last log position taken in. */
  cursor: number;
  headPosition: number;
  /** Events of its types not yet delivered: pending, plus not yet taken in (counted, at most 10,000). */
  lag: number;
  pending: number;
  deadLetters: number;
  delivered: number;
  failedAttempts: number;
  lastDeliveredAt: string | null;
  lastError: LastFailure | null;
};

export type DeliveryView = {
  /** The event id: a delivery is one event to one endpoint. */
  deliveryId: string;
  eventId: string;
  type: string;
  streamId: string;
  revision: number;
  position: number;
  status: 'pending' | 'dead';
  attempts: number;
  lastAttemptAt: string | null;
  lastError: string | null;
  deadAt: string | null;
};

export type ReplayView = { id: string; fromPosition: number; cursor: number };

export const toWebhookView = (endpoint: EndpointDocument): WebhookView => ({
  id: endpoint._id,
  url: endpoint.url,
  eventTypes: endpoint.eventTypes,
  includePersonalData: endpoint.includePersonalData,
  createdAt: endpoint.createdAt,
});

export const toDeliveryView = (delivery: DeliveryDocument): DeliveryView => ({
  deliveryId: delivery.eventId,
  eventId: delivery.eventId,
  type: delivery.type,
  streamId: delivery.streamId,
  revision: delivery.revision,
  position: delivery.position,
  status: delivery.status,
  attempts: delivery.attempts,
  lastAttemptAt: delivery.lastAttemptAt,
  lastError: delivery.lastError,
  deadAt: delivery.deadAt,
});

export const statusOf = (stats: EndpointStatsDocument | null): WebhookDetails['status'] => {
  if (stats?.lastAttemptOk === true) return 'healthy';
  if (stats?.lastAttemptOk === false) return 'failing';
  return 'idle';
};
