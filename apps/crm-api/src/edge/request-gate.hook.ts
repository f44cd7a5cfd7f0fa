import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { AuthenticatedRequest, Principal } from '@crm/platform';
import { RateLimiter, mapError } from '@crm/platform';
import type { ApiKeyService } from '@crm/security';
import { bearerToken } from '@crm/security';

export type RequestGateLimits = { perKeyPerMinute: number; perAddressPerMinute: number };

/** Probes must always answer: never limited, never authenticated here. */
const PROBES = /^\/(health|metrics)(\/|\?|$)/;
/** Methods whose routes carry no body; any other request must show a valid key first. */
const BODILESS = new Set(['GET', 'HEAD', 'OPTIONS']);

const answer = (
  reply: FastifyReply,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): FastifyReply =>
  reply
    .code(status)
    .headers(headers)
    .send({ statusCode: status, error: STATUS_CODES[status] ?? 'Error', message });

/**
 * Runs on every request before its body is read (Fastify onRequest):
 * - a valid API key is charged to that key's budget (RATE_LIMIT_PER_MINUTE) and left on the
 *   request for the roles guard; bogus keys never get a budget of their own, so they can neither
 *   buy more requests nor crowd a real key's budget out;
 * - anything else is charged to the client address (RATE_LIMIT_PER_ADDRESS_PER_MINUTE), and a
 *   request that would carry a body is refused with 401 before a byte of it is read, its
 *   connection closed, so an unauthenticated client cannot hold connections open by dripping one.
 */
export const registerRequestGate = (
  fastify: FastifyInstance,
  apiKeys: ApiKeyService,
  limits: RequestGateLimits,
): void => {
  const logger = new Logger('http');
  const byKey = limits.perKeyPerMinute > 0 ? new RateLimiter(limits.perKeyPerMinute) : null;
  const byAddress =
    limits.perAddressPerMinute > 0 ? new RateLimiter(limits.perAddressPerMinute) : null;

  fastify.addHook('onRequest', async (request, reply) => {
    if (PROBES.test(request.url)) return;
    const early: Record<string, string> = BODILESS.has(request.method)
      ? {}
      : { Connection: 'close' };
    const token = bearerToken(request.headers.authorization);
    let principal: Principal | null = null;
    try {
      principal = token ? await apiKeys.authenticate(token) : null;
    } catch (error) {
      const mapped: { status: number; message: string; retryAfter?: number } | null =
        mapError(error);
      if (!mapped) {
        logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
        return answer(reply, 500, 'internal error', early);
      }
      const retry: Record<string, string> =
        mapped.retryAfter === undefined ? {} : { 'Retry-After': String(mapped.retryAfter) };
      return answer(reply, mapped.status, mapped.message, { ...early, ...retry });
    }
    const [limiter, caller, who, limit] = principal
      ? [byKey, principal.keyId, 'this API key', limits.perKeyPerMinute]
      : [byAddress, request.ip, 'this address without a valid API key', limits.perAddressPerMinute];
    const decision = limiter?.take(caller);
    if (decision && !decision.allowed) {
      return answer(
        reply,
        429,
        `more than ${limit} requests a minute from ${who}; retry in ${decision.retryAfterSeconds} s`,
        { ...early, 'Retry-After': String(decision.retryAfterSeconds) },
      );
    }
    if (principal) {
      (request as unknown as AuthenticatedRequest).principal = principal;
      return;
    }
    if (!BODILESS.has(request.method)) {
      const message = token
        ? 'unknown or revoked API key'
        : 'missing or malformed Authorization: Bearer <api key>';
      return answer(reply, 401, message, early);
    }
  });
};
