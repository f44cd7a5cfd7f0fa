import { webhookHeaders } from './webhook-signature';

export type WebhookRequest = { url: string; secret: string; eventId: string; body: string };

export type SendOutcome = { ok: true; status: number } | { ok: false; error: string };

/** Sends one attempt. Any 2xx answer within the timeout is a delivery; anything else is not. */
export type WebhookTransport = (
  request: WebhookRequest,
  options: { timeoutMs: number },
) => Promise<SendOutcome>;

/**
 * POST over HTTP(S), signed at send time. Redirects are not followed (a 3xx is a failure),
 * and the response body is not read: only the status matters.
 */
export const httpTransport =
  (clock: () => number = Date.now): WebhookTransport =>
  async (request, { timeoutMs }) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetch(request.url, {
        method: 'POST',
        headers: webhookHeaders(request.secret, request.eventId, request.body, clock()),
        body: request.body,
        redirect: 'manual',
        signal: timeout,
      });
      await response.body?.cancel().catch(() => undefined);
      return response.status >= 200 && response.status < 300
        ? { ok: true, status: response.status }
        : { ok: false, error: `HTTP ${response.status}` };
    } catch (error) {
      if (timeout.aborted) return { ok: false, error: `no answer within ${timeoutMs} ms` };
      return { ok: false, error: `request failed: ${describe(error)}` };
    }
  };

const describe = (error: unknown): string => {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
};
