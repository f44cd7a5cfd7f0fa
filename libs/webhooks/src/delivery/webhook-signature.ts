import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new endpoint secret: 256 random bits, shown once at registration. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

/** `v1=` + hex HMAC-SHA256 of `${timestamp}.${body}` under the secret (its UTF-8 bytes). */
export const signWebhook = (secret: string, timestamp: number, body: string): string =>
  `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/** The headers of one attempt: the event id (for dedup), when it was signed, the signature. */
export const webhookHeaders = (
  secret: string,
  eventId: string,
  body: string,
  nowMs: number,
): Record<string, string> => {
  const timestamp = Math.floor(nowMs / 1000);
  return {
    'content-type': 'application/json',
    'user-agent': 'crm-webhooks/1',
    'webhook-id': eventId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook(secret, timestamp, body),
  };
};

export type VerifyOptions = {
  secret: string;
  body: string;
  timestamp: string | undefined;
  signature: string | undefined;
  nowMs?: number;
  /** Older (or future) timestamps are refused, so a captured request cannot be replayed later. */
  toleranceSeconds?: number;
};

/** What a receiver does: the signature matches and the timestamp is recent. */
export const verifyWebhook = (options: VerifyOptions): boolean => {
  const { secret, body, timestamp, signature } = options;
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  const now = Math.floor((options.nowMs ?? Date.now()) / 1000);
  if (Math.abs(now - Number(timestamp)) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(secret, Number(timestamp), body));
  // A header may carry several space-separated signatures (e.g. during a secret rotation).
  return signature.split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
};
