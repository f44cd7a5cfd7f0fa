import { createHash, randomUUID } from 'node:crypto';
import { createParamDecorator } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import type { CommandContext } from '@crm/eventsourcing';
import { RequestValidationError } from './error-body';
import type { AuthenticatedRequest, Principal } from './principal';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,200}$/;

const header = (request: AuthenticatedRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** JSON with object keys sorted, so a retried body matches however its client ordered it. */
const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(',')}]`
    : value !== null && typeof value === 'object'
      ? `{${Object.keys(value)
          .sort()
          .map(
            (key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`,
          )
          .join(',')}}`
      : (JSON.stringify(value) ?? 'null');

/** What a reused Idempotency-Key must match: method, route, path parameters and body. */
export const requestFingerprintOf = (
  request: AuthenticatedRequest & {
    body?: unknown;
    params?: unknown;
    method?: string;
    url?: string;
  },
): string =>
  createHash('sha256')
    .update(
      canonical([request.method ?? '', (request.url ?? '').split('?')[0], request.body ?? null]),
    )
    .digest('base64url');

export const principalOf = (request: AuthenticatedRequest): Principal => {
  if (!request.principal) throw new Error('route has no principal: is it missing its guard?');
  return request.principal;
};

/** The command's context: actor from the API key, correlation id, optional Idempotency-Key. */
export const commandContextOf = (request: AuthenticatedRequest): CommandContext => {
  const principal = principalOf(request);
  const idempotencyKey = header(request, 'idempotency-key');
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw new RequestValidationError([
      {
        field: 'Idempotency-Key',
        rule: 'matches',
        message: 'Idempotency-Key must be 8 to 200 characters of letters, digits, . _ : -',
      },
    ]);
  }
  return {
    actor: { id: principal.keyId, role: principal.role },
    correlationId: request.id,
    // Without a key of the caller's, one of ours: a write whose outcome the store could not
    // confirm is then retried without a second copy, and the caller learns the key to use.
    ...(idempotencyKey
      ? { idempotencyKey, requestFingerprint: requestFingerprintOf(request) }
      : { idempotencyKey: `crm-${randomUUID()}`, idempotencyKeyGenerated: true }),
  };
};

export const CommandCtx = createParamDecorator(
  (_: unknown, host: ExecutionContext): CommandContext =>
    commandContextOf(host.switchToHttp().getRequest<AuthenticatedRequest>()),
);

/** The caller, for handlers that mask what they show by role. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, host: ExecutionContext): Principal =>
    principalOf(host.switchToHttp().getRequest<AuthenticatedRequest>()),
);

/** `minPosition` from the query string or the `X-Min-Position` header, for read-your-writes. */
export const MinPosition = createParamDecorator(
  (_: unknown, host: ExecutionContext): number | undefined => {
    const request = host
      .switchToHttp()
      .getRequest<AuthenticatedRequest & { query?: Record<string, unknown> }>();
    const fromQuery = request.query?.minPosition;
    const raw = typeof fromQuery === 'string' ? fromQuery : header(request, 'x-min-position');
    if (raw === undefined) return undefined;
    if (!/^\d{1,15}$/.test(raw)) {
      throw new RequestValidationError([
        {
          field: 'minPosition',
          rule: 'isInt',
          message: 'minPosition must be a non-negative integer',
        },
      ]);
    }
    return Number(raw);
  },
);
