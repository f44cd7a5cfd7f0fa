import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { Catch, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { DocumentStoreUnavailableError, InvalidCursorError } from '@crm/documents';
import {
  AppendOutcomeUnknownError,
  AppendTooLargeError,
  DomainErrorException,
  IdempotencyKeyReusedError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '@crm/eventsourcing';
import type { DomainErrorKind } from '@crm/eventsourcing';
import type { ErrorBody, ErrorDetail } from './error-body';
import { NotReadyError, ReadModelNotReadyError, RequestValidationError } from './error-body';
import { BadBodyError } from './json-body';
import { recordFailure } from './request-outcome';

/** The one place where errors become HTTP status codes. */
const STATUS_BY_DOMAIN_ERROR: Record<DomainErrorKind, number> = {
  conflict: HttpStatus.CONFLICT,
  not_found: HttpStatus.NOT_FOUND,
  invalid: HttpStatus.BAD_REQUEST,
  forbidden: HttpStatus.FORBIDDEN,
};

type Mapped = {
  health?: Record<string, unknown>;
  status: number;
  message: string;
  code?: string;
  details?: ErrorDetail[];
  retryAfter?: number;
  /** The key a caller retries with (sent as the Idempotency-Key response header). */
  idempotencyKey?: string;
};

export const mapError = (error: unknown): Mapped | null => {
  if (error instanceof DomainErrorException) {
    return {
      status: STATUS_BY_DOMAIN_ERROR[error.error.category],
      message: error.message,
      code: error.error.code,
    };
  }
  if (error instanceof AppendTooLargeError) {
    // The request was well formed, but what it would write is more than the store takes at once.
    return { status: 422, message: error.message, code: 'APPEND_TOO_LARGE' };
  }
  if (error instanceof IdempotencyKeyReusedError) {
    return { status: 422, message: error.message, code: 'IDEMPOTENCY_KEY_REUSED' };
  }
  if (error instanceof BadBodyError) {
    return {
      status: 400,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
    };
  }
  if (error instanceof RequestValidationError) {
    return { status: 400, message: error.message, details: error.details };
  }
  if (error instanceof InvalidCursorError) {
    return {
      status: 400,
      message: error.message,
      details: [{ field: 'cursor', rule: 'isCursor', message: error.message }],
    };
  }
  if (error instanceof WrongExpectedRevisionError) {
    return {
      status: 409,
      message: `${error.streamId} was changed concurrently; retry`,
      code: 'CONCURRENT_MODIFICATION',
    };
  }
  if (error instanceof AppendOutcomeUnknownError) {
    const retry = error.idempotencyKey
      ? `retry with the header Idempotency-Key: ${error.idempotencyKey}, which answers as the first request did and writes nothing twice`
      : 'retry with the same Idempotency-Key';
    return {
      status: 503,
      message: `the event store did not confirm the write, which may have been recorded; ${retry}`,
      code: 'APPEND_OUTCOME_UNKNOWN',
      retryAfter: 1,
      ...(error.idempotencyKey ? { idempotencyKey: error.idempotencyKey } : {}),
    };
  }
  if (error instanceof StoreUnavailableError || error instanceof DocumentStoreUnavailableError) {
    return { status: 503, message: 'a store is unavailable; retry shortly', retryAfter: 5 };
  }
  if (error instanceof NotReadyError) {
    return { status: 503, message: error.message, retryAfter: 5, health: error.health };
  }
  if (error instanceof ReadModelNotReadyError) {
    return { status: 503, message: error.message, retryAfter: 1 };
  }
  if (error instanceof HttpException) {
    const response = error.getResponse();
    const detail =
      typeof response === 'string' ? response : (response as { message?: unknown }).message;
    const message =
      typeof detail === 'string'
        ? detail
        : Array.isArray(detail)
          ? detail.join('; ')
          : error.message;
    return { status: error.getStatus(), message };
  }
  // Errors Fastify raises before a handler runs (bad JSON, too large, wrong content type).
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, message: (error as Error).message };
  }
  return null;
};

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    // For the command metrics, recorded when the response is sent (see request-outcome.ts).
    const request = http.getRequest<object | undefined>();
    if (request) recordFailure(request, error);
    const mapped = mapError(error) ?? { status: 500, message: 'internal error' };
    if (mapped.status >= 500 && mapped.status !== 503) {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    } else if (mapped.status === 503) {
      this.logger.warn(error instanceof Error ? error.message : String(error));
    }
    const body: ErrorBody = {
      statusCode: mapped.status,
      error: STATUS_CODES[mapped.status] ?? 'Error',
      message: mapped.message,
      ...(mapped.code ? { code: mapped.code } : {}),
      ...(mapped.details ? { details: mapped.details } : {}),
      ...(mapped.health ? { health: mapped.health } : {}),
    };
    if (mapped.retryAfter !== undefined)
      void reply.header('Retry-After', String(mapped.retryAfter));
    if (mapped.idempotencyKey) void reply.header('Idempotency-Key', mapped.idempotencyKey);
    void reply.status(mapped.status).send(body);
  }
}
