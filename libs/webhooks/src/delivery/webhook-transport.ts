import { request as httpRequest } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { webhookHeaders } from './webhook-signature';
import type { WebhookTargetPolicy } from './webhook-target';
import { TARGET_REFUSED } from './webhook-target';

export type WebhookRequest = { url: string; secret: string; eventId: string; body: string };

export type SendOutcome = { ok: true; status: number } | { ok: false; error: string };

/** Sends one attempt. Any 2xx answer within the timeout is a delivery; anything else is not. */
export type WebhookTransport = (
  request: WebhookRequest,
  options: { timeoutMs: number },
) => Promise<SendOutcome>;

/**
 * What every failed attempt says, whatever happened: a refused connection, a reset, a timeout
 * and an HTTP error look the same, so the admin API is no port scanner.
 */
export const NOT_DELIVERED = 'not delivered: no 2xx answer within the timeout';

/**
 * POST over HTTP(S), signed at send time, to the address the policy checked (the connection
 * does not resolve the host again). Redirects are not followed (a 3xx is a failure), and the
 * response body is not read: only the status matters.
 */
export const httpTransport =
  (policy: WebhookTargetPolicy, clock: () => number = Date.now): WebhookTransport =>
  async (request, { timeoutMs }) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const target = await policy.check(request.url);
    if (!target.ok) return { ok: false, error: TARGET_REFUSED };
    try {
      const status = await post(request, pinnedLookup(target.address, target.family), {
        headers: webhookHeaders(request.secret, request.eventId, request.body, clock()),
        signal: timeout,
      });
      return status >= 200 && status < 300
        ? { ok: true, status }
        : { ok: false, error: NOT_DELIVERED };
    } catch {
      return { ok: false, error: NOT_DELIVERED };
    }
  };

/** A lookup that answers the checked address, whatever the name resolves to by now. */
const pinnedLookup =
  (address: string, family: 4 | 6): LookupFunction =>
  (_hostname, options, callback) => {
    const answer = callback as (error: null, address: unknown, family?: number) => void;
    if (options.all) answer(null, [{ address, family }]);
    else answer(null, address, family);
  };

const post = (
  request: WebhookRequest,
  lookup: LookupFunction,
  options: { headers: Record<string, string>; signal: AbortSignal },
): Promise<number> =>
  new Promise((resolve, reject) => {
    const send = request.url.startsWith('https:') ? httpsRequest : httpRequest;
    const outgoing = send(
      request.url,
      {
        method: 'POST',
        headers: { ...options.headers, 'content-length': Buffer.byteLength(request.body) },
        lookup,
        signal: options.signal,
      },
      (response: IncomingMessage) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
